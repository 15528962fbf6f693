# Letter metadata under Tata Naskah Dinas (sifat, derajat, archive classification, the sender's number
# and date, lampiran, tembusan): refusals of values outside their lists, always with the allowed values.

paper-refusal-sifat = “{ $value }” is not a known sifat (security grading). Choose one of: { $allowed }.
paper-refusal-derajat = “{ $value }” is not a known derajat (urgency). Choose one of: { $allowed }.
paper-refusal-klasifikasi-missing = An archive classification code is required before the letter gets its agenda number. Example codes: { $allowed }{ $more ->
    [0] {""}
   *[other] {" "}(and { $more } more)
}.
paper-refusal-klasifikasi-unknown = The archive classification code “{ $value }” is not in the list. Available codes: { $allowed }{ $more ->
    [0] {""}
   *[other] {" "}(and { $more } more)
}.
paper-refusal-sender-number-missing = The sender's letter number is required.
paper-refusal-sender-number-too-long = The letter number is too long: at most { $max } characters.
paper-refusal-sender-date-missing = The date on the sender's letter is required (as YYYY-MM-DD, e.g. 2026-11-23).
paper-refusal-sender-date-invalid = “{ $value }” is not a valid date. Write it as YYYY-MM-DD, e.g. 2026-11-23.
paper-refusal-sender-date-future = The letter date { $value } is after today ({ $today }). Please check it.
paper-refusal-lampiran = “{ $value }” is not a valid number of attachments. Write a whole number from 0 to { $max }.
paper-refusal-tembusan-too-many = The copy list (tembusan) has { $count } recipients, more than the limit of { $max }.
paper-refusal-tembusan-empty = Copy recipient { $position } is empty. Write the name of a person or a unit.
paper-refusal-tembusan-too-long = The name of copy recipient { $position } is too long: at most { $max } characters.
paper-refusal-tembusan-duplicate = { $name } is listed more than once among the copies.
