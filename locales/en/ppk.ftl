# PPK lists (steps 5–7 of the SPSE facilitation SOP): upload, check, summary.
# Every error code in src/files/ppk/error-codes.ts has one message ppk-error-<code>.
# Row error messages receive { $row } and { $column } (the column header as written in the file).

## File errors

ppk-error-file-empty = The file is empty. Please send the PPK list as an XLSX or CSV file.
ppk-error-file-too-large = The file is { $sizeMb } MB, over the { $limitMb } MB limit. Please remove sheets, images or formatting that are not needed and send it again.
ppk-error-file-type-pdf = This file is a PDF. The PPK list must be sent as XLSX or CSV; please use the template provided.
ppk-error-file-type-legacy-office = This file is an old Excel file (.xls) or is password-protected. Please save it again as “Excel Workbook (.xlsx)” without a password and send it again.
ppk-error-file-type-executable = This file is a program, not a spreadsheet, and cannot be accepted.
ppk-error-file-type-zip-not-xlsx = This file is a compressed archive but not an Excel workbook (.xlsx). Please send an XLSX or CSV file.
ppk-error-file-type-markup = This file holds a web page (HTML/XML), not a spreadsheet, even if its name ends in .xls or .csv. Please open it in Excel, save it as .xlsx and send it again.
ppk-error-file-type-binary = The file's content is neither XLSX nor CSV. Please send an XLSX or CSV file based on the template.
ppk-error-file-type-not-utf8 = The CSV file is not UTF-8 encoded. In Excel, choose Save As “CSV UTF-8 (Comma delimited)” and send it again.
ppk-error-zip-invalid = The XLSX file is damaged or incomplete. Please open it in Excel, save it again and resend it.
ppk-error-zip-encrypted = This XLSX file is encrypted. Please remove the password and send it again.
ppk-error-zip-too-many-entries = The XLSX file has { $count } parts, over the limit of { $limit }. It was refused for safety.
ppk-error-zip-too-large = Unpacked, the XLSX file would take { $sizeMb } MB, over the { $limitMb } MB limit. It was refused for safety.
ppk-error-zip-compression-ratio = Part “{ $entry }” of the XLSX file is compressed { $ratio } times (limit { $limit }), a sign of a malicious file. It was refused for safety.
ppk-error-zip-macro = This file contains macros (“{ $entry }”). For safety, please save it as “Excel Workbook (.xlsx)” without macros and send it again.
ppk-error-xlsx-invalid = The XLSX file cannot be read. Please open it in Excel, save it again and resend it.
ppk-error-xlsx-no-worksheet = The XLSX file contains no worksheet.
ppk-error-csv-invalid = The CSV file cannot be read from line { $line } on, for example because of an unclosed quote. Please check that line.
ppk-error-sheet-empty = The first worksheet is empty. Please fill in the list on the first sheet, following the template.
ppk-error-too-many-rows = The list exceeds the limit of { $limit } data rows per file. Please check for rows that are not needed.
ppk-error-no-data-rows = The list has column headers but no data. Please fill in at least one row below the headers.
ppk-error-column-missing = Column “{ $column }” was not found. Please add it as in the template (any column order is fine).
ppk-error-column-duplicate = Column “{ $column }” appears more than once (“{ $first }” and “{ $second }”). Please keep only one.

## Row errors

ppk-error-required = Required.
ppk-error-too-long = Too long: at most { $max } characters.
ppk-error-nip-not-digits = The NIP may contain only digits (spaces are allowed).
ppk-error-nip-length = The NIP must have 18 digits; this one has { $length }.
ppk-error-nip-number-cell = The NIP was stored as a number, so Excel changed its last digits. Please format the NIP column as Text, type the NIP again and resend the file.
ppk-error-nip-birth-date = The first eight digits of the NIP ({ $value }) are not a valid birth date (YYYYMMDD).
ppk-error-nip-birth-year = The birth year in the NIP ({ $year }) is outside { $min }–{ $max }.
ppk-error-nip-appointment-date = Digits 9 to 14 of the NIP ({ $value }) are not a valid appointment year and month (YYYYMM).
ppk-error-nip-appointment-too-early = According to the NIP, the appointment came before the age of { $minAge }. Please check the NIP.
ppk-error-nip-appointment-future = The appointment year and month in the NIP ({ $value }) lie more than a year ahead. Please check the NIP.
ppk-error-nip-gender = Digit 15 of the NIP must be 1 (male) or 2 (female); it is { $digit }.
ppk-error-nip-name-mismatch = NIP { $nip } is already on row { $otherRow } with the name “{ $otherName }”. One NIP must always have the same name.
ppk-error-email-invalid = The email address is not valid.
ppk-error-phone-invalid = The mobile number is not valid. Use 08…, +628… or 628….
ppk-error-phone-not-mobile = This is not a mobile number; mobile numbers start with 08, +628 or 628.
ppk-error-phone-length = The mobile number has { $digits } digits; Indonesian mobile numbers have 10 to 13 digits (starting with 08).
ppk-error-role-unknown = Role “{ $value }” is not known. Choose one of: { $allowed }.
ppk-error-pagu-abbreviation = The budget ceiling may not be abbreviated (such as “1,5 M” or “750 jt”). Write the full amount in rupiah, for example 1.500.000.000.
ppk-error-pagu-ambiguous = The budget ceiling can be read more than one way because of its dots and commas. Use dots as thousands separators (1.500.000.000) or no separators (1500000000).
ppk-error-pagu-cents = The budget ceiling must be whole rupiah, without cents.
ppk-error-pagu-negative = The budget ceiling cannot be negative.
ppk-error-pagu-zero = The budget ceiling cannot be zero.
ppk-error-pagu-not-number = The budget ceiling must be a number, for example 1500000000 or Rp 1.500.000.000.
ppk-error-pagu-too-large = The budget ceiling is above the plausible limit ({ $max }). Please check the number of digits.
ppk-error-pagu-inconsistent = Package “{ $package }” is already on row { $otherRow } with a budget ceiling of { $otherPagu }. A package must have the same budget ceiling on every row.
ppk-error-year-invalid = The fiscal year must have four digits, for example 2025.
ppk-error-year-range = The fiscal year must be between { $min } and { $max }.
ppk-error-duplicate-row = This row repeats row { $firstRow } (same NIP, role and package). Please delete one of them.

## Presenting errors

ppk-errors-title = The file cannot be accepted yet. { $count ->
    [one] One problem was found:
   *[other] { $count } problems were found:
}
ppk-error-line-cell = Row { $row }, column “{ $column }”: { $message }
ppk-error-line-row = Row { $row }: { $message }
ppk-error-line-file = { $message }

## Summary of a valid list

ppk-summary-title = The PPK list is valid and ready for verification.
ppk-summary-rows = Rows: { $rows }
ppk-summary-people = People: { $people }
ppk-summary-role = • { $role }: { $count ->
    [one] one person
   *[other] { $count } people
}
ppk-summary-packages = Packages: { $packages }
ppk-summary-total-pagu = Total budget ceiling: { $total }
ppk-summary-fiscal-years = Fiscal year: { $years }
ppk-summary-ignored-columns = Columns not read: { $columns }

## The pandu ppk check command

ppk-cli-usage = Usage: pandu ppk check <file> [--json]
ppk-cli-missing-file = Please name the file to check.
ppk-cli-too-many-files = Please name only one file.
ppk-cli-unknown-option = Unknown option: { $option }
ppk-cli-file-unreadable = File { $file } cannot be read ({ $reason }).

## Uploads in chat (step 5)

# One error line, already translated (the text is made from the messages above).
ppk-line = { $text }
ppk-errors-more = … and { $count } more problems. The attached report lists them all.
ppk-report-file = ppk-list-errors.xlsx
ppk-report-sheet = Problems
ppk-report-col-row = Row
ppk-report-col-column = Column
ppk-report-col-message = Problem
ppk-report-caption = Report of { $count } problems in { $name }. Please fix them all and send the file again.
ppk-upload-diff = Compared with this unit's last verified list: { $added } new rows, { $removed } removed, { $changed } changed.
ppk-upload-diff-first = This unit has no verified list yet; every row will be checked as new.
ppk-upload-duplicates = ⚠️ { $count } people are already registered in the same role for another unit; the verifier will see the details.
ppk-template-sent = The PPK list template is attached as XLSX and CSV. Fill in one row per person, role and package, then send the file as a document on your step 5 task.

## Verification (step 6)

ppk-review-file = 📎 PPK list version { $version }: { $name }, uploaded by { $by } on { $at }.
ppk-diff-first = Comparison: this unit has no earlier verified list; all { $rows } rows are new.
ppk-diff-title = Compared with the list verified on { $at } (agenda no. { $agenda }): { $added } new, { $removed } removed, { $changed } changed, { $unchanged } unchanged.
ppk-diff-added = ➕ Row { $row }: { $name } ({ $nip }) — { $role }, package { $package }
ppk-diff-removed = ➖ { $name } ({ $nip }) — { $role }, package { $package }
ppk-diff-changed = ✏️ Row { $row }: { $name } ({ $nip }) — { $role }: { $changes }
ppk-diff-more = … and { $count } more rows.
ppk-duplicates-none = No NIP is registered in the same role for another unit.
ppk-duplicates-title = ⚠️ Also registered for another unit ({ $count }):
ppk-duplicate = • Row { $row }: { $name } ({ $nip }) is already registered as { $role } for { $unit }.

## Authenticated list (step 7)

ppk-authenticated-file = authenticated-ppk-list-{ $unit }-{ $date }.xlsx
ppk-authenticated-sheet = Authenticated
ppk-authenticated-caption = Authenticated accounts (agenda no. { $agenda }): { $count }{ $failed ->
    [0] {""}
   *[other] ; { $failed } could not be authenticated (the reasons are on the task)
  }.
ppk-list-usage = Usage: /daftar AGENDA-NUMBER — sends the accounts authenticated for that request.
ppk-list-not-found = No request with agenda number { $agenda } was found, or you may not see it.
ppk-list-not-authenticated = The PPK list of request { $agenda } has not been authenticated yet.
ppk-list-sent = The authenticated accounts of request { $agenda } are attached.

## SPSE register (records and data)

ppk-register-empty = The SPSE register is empty: no PPK list has been authenticated yet.
ppk-register-list-title = 📚 Components/work units using SPSE ({ $count }):
ppk-register-list-item = • { $unitId } — { $unit }: { $ppk } PPK, { $ulp } ULP/committee, { $agency } other users
ppk-register-usage = Type /register UNIT-CODE for one unit's details.
ppk-register-unknown = Unit “{ $unit }” is not in the SPSE register.
ppk-register-title = 📚 SPSE register — { $unit } ({ $unitId })
ppk-register-source = Updated { $at } from request agenda no. { $agenda } ({ $count } accounts).
ppk-register-group = { $group ->
    [ppk] PPK
    [ulp] ULP / procurement committee
   *[agency] Other users (user agency)
  } ({ $count }):
ppk-register-account = • { $name } — { $role }, package { $package } (FY { $year }) · NIP { $nip } · { $email } · { $phone }
ppk-register-more = … and { $count } more accounts. Full list: pandu register export.
ppk-register-masked = 🔒 NIP, email and phone are masked: only people taking part in this unit's requests and admins can see them.
ppk-register-group-name = { $group ->
    [ppk] PPK
    [ulp] ULP / procurement committee
   *[agency] Other users (user agency)
  }

## The pandu register export command

ppk-register-export-usage = Usage: pandu register export [--format xlsx|csv] [--out FILE]
ppk-register-export-unknown-option = Unknown option: { $option }
ppk-register-export-missing-value = Option { $option } needs a value.
ppk-register-export-bad-format = Unknown format { $format }. Choose xlsx or csv.
ppk-register-export-stdout-csv = Only csv can be written to the screen (--out -).
ppk-register-export-failed = File { $file } cannot be written ({ $reason }).
ppk-register-export-done = SPSE register ({ $units } units, { $accounts } accounts) written to { $file }.
ppk-register-sheet = SPSE register
ppk-register-col-unit-id = Unit code
ppk-register-col-unit = Component/work unit
ppk-register-col-group = Group
ppk-register-col-nip = NIP
ppk-register-col-name = Name
ppk-register-col-position = Position
ppk-register-col-role = Role
ppk-register-col-email = Email
ppk-register-col-phone = Phone
ppk-register-col-work-unit = Work unit
ppk-register-col-package = Package
ppk-register-col-pagu = Budget ceiling (Rp)
ppk-register-col-year = Fiscal year
ppk-register-col-decree = Decree number
ppk-register-col-authenticated-at = Authenticated on
ppk-register-col-agenda = Request agenda no.
ppk-preview-title = 📋 The list ({ $shown } of { $rows } rows):
ppk-preview-row = { "   " }{ $row }. { $nip } · { $name } · { $role } · { $package } · { $pagu }
ppk-preview-more = { "   " }… and { $more } more rows (see the file).
