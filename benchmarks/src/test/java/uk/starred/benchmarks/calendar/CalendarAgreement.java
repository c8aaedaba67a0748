package uk.starred.benchmarks.calendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import uk.starred.impl.calendar.EnglandAndWalesCalendar;

/**
 * The answers behind the speeds: on every start date from 2020 to 2030, weekends and bank holidays
 * included, and every count from 0 to 40, Starred's calendar must give exactly what the naive loop
 * gives; and past the end of the period (into 2031 and beyond, where a holiday list would end)
 * it must keep answering. ObjectLab is checked the same way from working-day starts, and past its
 * holiday calendar's end. Writes {@code calendar-agreement.json} and exits 1 on any disagreement.
 */
public final class CalendarAgreement {

    private CalendarAgreement() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/results");
        Files.createDirectories(out);
        EnglandAndWalesCalendar starred = EnglandAndWalesCalendar.withoutSettings();
        ObjectLabCalendar objectLab = new ObjectLabCalendar();
        long checked = 0;
        long starredWrong = 0;
        long objectLabChecked = 0;
        long objectLabWrong = 0;
        String firstWrong = "";
        LocalDate lastStart = Holidays2020To2030.LAST.minusDays(70);
        for (LocalDate d = Holidays2020To2030.FIRST; !d.isAfter(lastStart); d = d.plusDays(1)) {
            for (int n = 0; n <= 40; n++) {
                LocalDate expected = NaiveCalendar.add(d, n);
                checked++;
                if (!starred.addWorkingDays(d, n).equals(expected)) {
                    starredWrong++;
                    if (firstWrong.isEmpty()) {
                        firstWrong = d + " + " + n + ": Starred " + starred.addWorkingDays(d, n) + ", loop " + expected;
                    }
                }
                if (starred.workingDaysBetween(d, expected) != NaiveCalendar.between(d, expected)) {
                    starredWrong++;
                }
                if (Holidays2020To2030.isWorkingDay(d)) {
                    objectLabChecked++;
                    if (!objectLab.add(d, n).equals(expected)) {
                        objectLabWrong++;
                    }
                }
            }
        }
        String starredPast;
        try {
            starredPast = "answers: 2030-12-20 + 40 working days = " + starred.addWorkingDays(LocalDate.of(2030, 12, 20), 40)
                    + "; 2099-12-31 + 10 = " + starred.addWorkingDays(LocalDate.of(2099, 12, 31), 10);
        } catch (RuntimeException e) {
            starredPast = "fails: " + e;
        }
        String objectLabPast;
        try {
            objectLabPast = "answers: " + objectLab.add(LocalDate.of(2030, 12, 20), 40);
        } catch (RuntimeException e) {
            objectLabPast = "fails: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        String json = "{\n  \"checked\": " + checked + ",\n  \"starredDisagreements\": " + starredWrong
                + ",\n  \"firstDisagreement\": \"" + firstWrong + "\",\n  \"starredPastTheHolidayList\": \""
                + starredPast.replace("\"", "'") + "\",\n  \"objectLabChecked\": " + objectLabChecked
                + ",\n  \"objectLabDisagreements\": " + objectLabWrong + ",\n  \"objectLabPastItsHolidayCalendar\": \""
                + objectLabPast.replace("\"", "'") + "\"\n}\n";
        Files.writeString(out.resolve("calendar-agreement.json"), json);
        System.out.print(json);
        if (starredWrong > 0 || starredPast.startsWith("fails")) {
            System.exit(1);
        }
    }
}
