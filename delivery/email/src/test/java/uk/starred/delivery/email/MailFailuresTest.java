package uk.starred.delivery.email;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.ConnectException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.Test;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import uk.starred.api.host.ChannelUnavailableException;

/** What a mail server's refusal becomes for the outbox: never its words, which quote the recipient's address. */
public class MailFailuresTest {

    private static final String ADDRESS = "tom.reid@council.example";

    @Test
    public void aRecipientRefusedIsThatMessagesFailureByItsReplyCodeWithoutTheAddress() throws Exception {
        InternetAddress to = new InternetAddress(ADDRESS);
        SMTPAddressFailedException refused = new SMTPAddressFailedException(to, "RCPT TO:<" + ADDRESS + ">", 550,
                "550 5.1.1 <" + ADDRESS + ">: Recipient address rejected: User unknown");
        SendFailedException failed = new SendFailedException("Invalid Addresses", refused, new Address[0],
                new Address[0], new Address[] {to});
        Exception told = MailFailures.told(failed);
        assertFalse("one message's failure, not the channel's", told instanceof ChannelUnavailableException);
        assertEquals("the mail server refused the message (SMTP reply 550)", told.getMessage());
        assertFalse(told.toString().contains("tom.reid"));
    }

    @Test
    public void aMessageRefusedOnSendingIsToldByItsReplyCode() throws Exception {
        SMTPSendFailedException refused = new SMTPSendFailedException("DATA", 554,
                "554 5.7.1 Message from <" + ADDRESS + "> rejected", null, null, null, null);
        assertEquals("the mail server refused the message (SMTP reply 554)", MailFailures.told(refused).getMessage());
    }

    @Test
    public void aServerOutOfReachNotTakingMailOrRefusingTheUserIsTheChannelUnavailable() {
        Exception down = MailFailures.told(new MailConnectException(
                new SocketConnectException("Connection refused", new ConnectException("refused"), "smtp.example", 587,
                        30000)));
        assertTrue(down instanceof ChannelUnavailableException);
        assertTrue(down.getMessage(), down.getMessage().startsWith("the mail server could not be reached"));
        Exception busy = MailFailures.told(new SMTPSendFailedException("MAIL", 421, "421 4.3.2 shutting down", null,
                null, null, null));
        assertTrue(busy instanceof ChannelUnavailableException);
        Exception refused = MailFailures.told(new AuthenticationFailedException("535 5.7.8 bad credentials for "
                + ADDRESS));
        assertTrue(refused instanceof ChannelUnavailableException);
        assertFalse(refused.getMessage().contains("tom.reid"));
        Exception other = MailFailures.told(new MessagingException("oddity with " + ADDRESS));
        assertFalse(other instanceof ChannelUnavailableException);
        assertFalse(other.getMessage().contains("tom.reid"));
    }
}
