## The office calendar: national holidays and cuti bersama, one file per year.

calendar-warning-current-year-missing = ⚠️ The office calendar file for { $year } is missing. Due times this year are computed with PROVISIONAL holidays from the library's rules: lunar-calendar holidays are estimates and cuti bersama are missing. Add the { $year } calendar file from the SKB.
calendar-warning-next-year-missing = ⚠️ The office calendar file for { $year } is missing. From 1 January { $year } due times are computed with PROVISIONAL holidays from the library's rules (lunar-calendar holidays estimated, no cuti bersama) until the { $year } file from the SKB is added.
calendar-warning-current-year-provisional = ⚠️ The office calendar for { $year } ({ $file }) is still PROVISIONAL: its dates have not been checked against the SKB. Check every date and the cuti bersama, then delete the line "provisional: true".
calendar-warning-next-year-provisional = ⚠️ The office calendar for { $year } ({ $file }) is still PROVISIONAL: its dates have not been checked against the SKB. Check every date and the cuti bersama before 1 January { $year }, then delete the line "provisional: true".
calendar-warning-library-gaps = ⚠️ The library's rules do not give these holidays for { $year }: { $holidays }. They count as working days until the { $year } calendar file is added.

## The weekly reminder to admins.
calendar-reminder-title = 📅 The office calendar needs updating (weekly reminder for admins):
calendar-reminder-howto = For a year without a file, run "npm run pandu -- calendar new YEAR". Check every date against the SKB of the three ministers, add the cuti bersama, delete the line "provisional: true", check with "npm run pandu -- calendar check", then restart the service. This reminder comes once a week until the calendar is complete.

## pandu calendar check / calendar new
calendar-check-ok = ✔ The office calendar is valid: { $count } file(s).
calendar-check-failed = ✖ The office calendar is invalid (the service will not start):
calendar-check-year-file = 📅 { $year }: { $file }
calendar-check-year-provisional-file = 📅 { $year }: { $file } — PROVISIONAL (provisional: true): check every date against the SKB
calendar-check-year-library = 📅 { $year }: no file — PROVISIONAL from the library's rules (lunar-calendar holidays estimated, no cuti bersama)
calendar-check-holidays = National holidays ({ $count }):
calendar-check-cuti-bersama = Cuti bersama ({ $count }):
calendar-check-none = (none)
calendar-check-estimated = estimate
calendar-check-not-workday = not a workday
calendar-check-missing = Not in the library's rules: { $holidays }
calendar-check-notices = Notices (allowed):
calendar-check-warnings = Warnings:
calendar-check-provisional-years = PROVISIONAL years: { $years }
calendar-check-no-provisional-years = No provisional years.
calendar-new-written = ✔ Wrote { $file }: { $count } holidays of { $year } from the library's rules, PROVISIONAL. Check every date against the SKB, add the cuti bersama, then delete the line "provisional: true".
calendar-new-exists = ✖ { $file } already exists and was not overwritten.
calendar-new-year-taken = ✖ The year { $year } already has a calendar file: { $file }.
calendar-new-bad-year = ✖ The year must be a number from 1970 to 9999, not "{ $year }".
