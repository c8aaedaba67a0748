package uk.starred.delivery.common;

import java.util.Optional;
import java.util.regex.Pattern;

import uk.starred.api.host.StaffDirectory;
import uk.starred.api.host.StaffMember;

/** Where a recipient's copy goes: the e-mail address the host's staff directory gives them. */
public final class Recipients {

    /** An address as mail systems take one: a local part, an at sign, a domain with a dot; no spaces. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>()\",;]+@[^@\\s<>()\",;]+\\.[^@\\s<>()\",;]+");

    private Recipients() {
    }

    /**
     * @return the person's e-mail address
     * @throws NoAddressException when the directory gives none, or one that is not an address; its message names
     *                            neither the person nor the address
     */
    public static String address(StaffDirectory staff, String staffId) throws NoAddressException {
        Optional<String> email = staff.member(staffId).map(StaffMember::email).map(String::strip)
                .filter(e -> !e.isEmpty());
        if (email.isEmpty()) {
            throw new NoAddressException("the host's staff directory gives no e-mail address for this recipient");
        }
        if (!ADDRESS.matcher(email.get()).matches()) {
            throw new NoAddressException("the host's staff directory gives this recipient an address that is not"
                    + " an e-mail address");
        }
        return email.get();
    }
}
