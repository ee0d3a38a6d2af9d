//! Why a file did not load, with enough to find the spot: the field's path,
//! line and column where known, what was expected and what was found.

use crate::amount::{AmountError, decode_problem};
use crate::i18n::{Lang, Phrase, errors as words};
use crate::sanitize::{QUOTE_CHARS, shorten};

/// A file that could not be loaded. One per file; the rest of the folder
/// is unaffected.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// The field's path as the format spec writes it (`budget.income.other`);
    /// `None` when the problem is the file as a whole.
    pub field: Option<String>,
    /// 1-based line and column, where the parser knows them.
    pub position: Option<(u32, u32)>,
    /// For a workbook, the cell (`Sheet1!E6`).
    pub cell: Option<String>,
    pub problem: LoadErrorKind,
    /// The department's name, where it could be read before the problem:
    /// what a notice returning the file is addressed to.
    pub department: Option<Box<str>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadErrorKind {
    /// The operating system's own words.
    Unreadable(String),
    /// A symbolic link: never followed, in a folder others can write.
    Link,
    /// A FIFO, socket, device or folder under a declaration's name.
    NotRegular(crate::safe_fs::Kind),
    /// The file's name is not UTF-8.
    NameNotUtf8,
    TooLarge {
        size: u64,
        cap: u64,
    },
    /// Not JSON: serde_json's description, without the position.
    Syntax(String),
    /// Not UTF-8 text (a GBK export, say).
    NotUtf8,
    /// UTF-16 text (saved as "Unicode" on Windows).
    Utf16,
    NotAnObject,
    DuplicateKey(String),
    MissingVersion,
    /// The version as written in the file.
    UnsupportedVersion(String),
    /// A value of the wrong type, or out of the type's range.
    WrongType {
        expected: Expected,
        found: String,
    },
    /// An amount whose text is not a plain decimal.
    BadAmount(String),
    AmountTooLarge(String),
    /// Other declaration files with the same stem (their journal is one).
    SameStem(Vec<String>),
    /// A 实施周期指标值 on a form with a single target column.
    NoPeriodColumn,
    /// What went wrong reading a workbook (the field and cell are beside it).
    Workbook(crate::load::WorkbookError),
    /// `indicators` or `key_tasks` with more rows than the format allows.
    TooManyRows {
        max: usize,
    },
    /// A text longer than the format allows (`max` characters).
    TextTooLong {
        max: usize,
    },
}

/// What a field holds, in the format spec's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    YearOrNull,
    TextOrNull,
    CountOrNull,
    Amount,
    Object,
    Array,
    /// `target_columns`: 1 or 2.
    Columns,
    /// A field this build does not know the type of (should not happen).
    Unknown,
}

impl Expected {
    /// The type at a path, from the format spec's tables.
    pub fn at(field: &str) -> Expected {
        // Indices do not change the type: key_tasks[3].funds ~ key_tasks[].funds
        let mut pattern = String::with_capacity(field.len());
        let mut in_index = false;
        for c in field.chars() {
            match c {
                '[' => {
                    in_index = true;
                    pattern.push_str("[]");
                }
                ']' => in_index = false,
                c if !in_index => pattern.push(c),
                _ => {}
            }
        }
        match pattern.as_str() {
            "fiscal_year" => Expected::YearOrNull,
            "region"
            | "overall_goal"
            | "other_tasks"
            | "department.name"
            | "department.code"
            | "budget.by_level.own_use_label" => Expected::TextOrNull,
            "target_columns" => Expected::Columns,
            "department.staff_count" | "department.subordinate_units" => Expected::CountOrNull,
            "department" | "budget" | "budget.expenditure" | "budget.development"
            | "budget.income" | "budget.by_level" | "key_tasks[]" | "indicators[]" => {
                Expected::Object
            }
            "key_tasks" | "indicators" => Expected::Array,
            "key_tasks[].funds" => Expected::Amount,
            p if p.starts_with("budget.") => Expected::Amount,
            p if p.starts_with("key_tasks[].") || p.starts_with("indicators[].") => {
                Expected::TextOrNull
            }
            _ => Expected::Unknown,
        }
    }
}

/// serde_json's message without the " at line L column C" it appends.
fn bare_message(err: &serde_json::Error) -> String {
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_string()
}

/// Where serde_json stopped, counting columns from 1 as editors do (it
/// says column 0 for an empty file).
fn position(err: &serde_json::Error) -> Option<(u32, u32)> {
    (err.line() > 0).then(|| (narrow(err.line()), narrow(err.column().max(1))))
}

/// A line or column as the error keeps it (no file is 4 billion lines).
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// "invalid type: string \"18\", expected u32" → "string \"18\"", the
/// quoted value cut to [`QUOTE_CHARS`] characters (a hostile file may
/// hold megabytes of it).
fn found_part(message: &str) -> String {
    let rest = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
        .unwrap_or(message);
    let found = rest
        .rsplit_once(", expected")
        .map_or(rest, |(found, _)| found);
    match found.find(['"', '`']) {
        Some(open) => {
            let (kind, quoted) = found.split_at(open);
            let mark = &quoted[..1];
            let value = quoted[1..].strip_suffix(mark).unwrap_or(&quoted[1..]);
            format!("{kind}{mark}{}{mark}", shorten(value, QUOTE_CHARS))
        }
        None => shorten(found, QUOTE_CHARS),
    }
}

impl LoadError {
    /// The error, addressed to the department named `name` (read before
    /// the problem), unless it already is or the name is blank.
    pub fn naming(mut self, name: Option<&str>) -> LoadError {
        if self.department.is_none() {
            self.department = name
                .filter(|n| !crate::sanitize::is_blank(n))
                .map(|n| shorten(n.trim(), 2 * QUOTE_CHARS).into());
        }
        self
    }

    pub fn whole_file(problem: LoadErrorKind) -> LoadError {
        LoadError {
            field: None,
            position: None,
            cell: None,
            department: None,
            problem,
        }
    }

    /// Bytes that are not UTF-8, at `offset`.
    pub(super) fn not_utf8(bytes: &[u8], offset: usize) -> LoadError {
        let before = bytes.get(..offset).unwrap_or(bytes);
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        LoadError {
            field: None,
            position: Some((narrow(line), narrow(offset - line_start + 1))),
            cell: None,
            department: None,
            problem: LoadErrorKind::NotUtf8,
        }
    }

    pub(super) fn syntax(err: &serde_json::Error) -> LoadError {
        LoadError {
            field: None,
            position: position(err),
            cell: None,
            department: None,
            problem: LoadErrorKind::Syntax(shorten(&bare_message(err), 4 * QUOTE_CHARS)),
        }
    }

    pub(super) fn duplicate(err: &serde_json::Error, object: String, key: String) -> LoadError {
        let field = if object.is_empty() {
            None
        } else {
            Some(object)
        };
        LoadError {
            field,
            position: position(err),
            cell: None,
            department: None,
            problem: LoadErrorKind::DuplicateKey(shorten(&key, QUOTE_CHARS)),
        }
    }

    pub(super) fn array_for_object(err: &serde_json::Error, path: String) -> LoadError {
        let problem = LoadErrorKind::WrongType {
            expected: Expected::Object,
            found: "sequence".into(),
        };
        LoadError {
            field: Some(path),
            position: position(err),
            cell: None,
            department: None,
            problem,
        }
    }

    /// From the typed pass, which knows the path of the failing field.
    pub(super) fn typed(err: serde_path_to_error::Error<serde_json::Error>) -> LoadError {
        let path = err.path().to_string();
        let field = (path != ".").then_some(path);
        let inner = err.inner();
        let message = bare_message(inner);
        let too_many = super::bounds::too_many_in(&message);
        let problem = match (too_many, decode_problem(&message)) {
            (Some(max), _) => LoadErrorKind::TooManyRows { max },
            (None, Some(AmountError::Malformed(t))) => LoadErrorKind::BadAmount(t),
            (None, Some(AmountError::TooLarge(t))) => LoadErrorKind::AmountTooLarge(t),
            (None, None) if inner.is_data() => LoadErrorKind::WrongType {
                expected: Expected::at(field.as_deref().unwrap_or("")),
                found: found_part(&message),
            },
            (None, None) => LoadErrorKind::Syntax(shorten(&message, 4 * QUOTE_CHARS)),
        };
        LoadError {
            field,
            position: position(inner),
            cell: None,
            department: None,
            problem,
        }
    }
}

/// How a load error reads: the file, where in it, and what was wrong.
impl LoadError {
    /// One sentence that names the file, the field (or the workbook's
    /// cell and its box), the position where known, and what was wrong.
    pub fn message(&self, lang: Lang, file: &str) -> String {
        let mut place = crate::sanitize::display_line(file).into_owned();
        if let Some((line, col)) = self.position {
            place.push_str(&words::at_position(lang, line, col));
        }
        match (&self.cell, &self.field) {
            (Some(cell), field) => {
                let label = field
                    .as_deref()
                    .and_then(crate::model::Location::parse)
                    .map(|l| crate::i18n::location(lang, l));
                place.push_str(&words::at_cell(lang, cell, label.as_deref()));
            }
            (None, Some(field)) => place.push_str(&words::at_field(lang, field)),
            (None, None) => {}
        }
        words::load_error(lang, &place, &self.problem.message(lang))
    }
}

impl LoadError {
    /// What is wrong, for the department that sent the file: the place in
    /// the form's words (and the workbook's cell) rather than the file's
    /// name on the reviewer's disk.
    pub fn for_department(&self, lang: Lang) -> String {
        let label = self
            .field
            .as_deref()
            .and_then(crate::model::Location::parse)
            .map(|l| crate::i18n::location(lang, l));
        let place = match (&self.cell, &label, self.position) {
            (Some(cell), label, _) => words::at_cell(lang, cell, label.as_deref()),
            (None, Some(label), _) => label.clone(),
            (None, None, Some((line, col))) => words::at_position(lang, line, col),
            (None, None, None) => return self.problem.message(lang),
        };
        words::load_error(lang, place.trim(), &self.problem.message(lang))
    }
}

impl LoadErrorKind {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LoadErrorKind::Unreadable(why) => words::unreadable(lang, why),
            LoadErrorKind::Link => words::LINK.get(lang).into(),
            LoadErrorKind::NotRegular(kind) => words::not_regular(lang, *kind),
            LoadErrorKind::NameNotUtf8 => words::NAME_NOT_UTF8.get(lang).into(),
            LoadErrorKind::TooLarge { size, cap } => words::too_large(lang, *size, *cap),
            LoadErrorKind::Syntax(why) => words::not_json(lang, why),
            LoadErrorKind::NotUtf8 => words::NOT_UTF8.get(lang).into(),
            LoadErrorKind::Utf16 => words::UTF16.get(lang).into(),
            LoadErrorKind::NotAnObject => words::NOT_AN_OBJECT.get(lang).into(),
            LoadErrorKind::DuplicateKey(key) => words::duplicate_key(lang, key),
            LoadErrorKind::MissingVersion => words::MISSING_VERSION.get(lang).into(),
            LoadErrorKind::UnsupportedVersion(v) => words::unsupported_version(lang, v),
            LoadErrorKind::WrongType { expected, found } => {
                words::wrong_type(lang, expected.label(), found)
            }
            LoadErrorKind::BadAmount(t) => words::bad_amount(lang, t),
            LoadErrorKind::AmountTooLarge(t) => words::amount_too_large(lang, t),
            LoadErrorKind::SameStem(others) => words::same_stem(lang, others),
            LoadErrorKind::NoPeriodColumn => words::NO_PERIOD_COLUMN.get(lang).into(),
            LoadErrorKind::Workbook(p) => p.message(lang),
            LoadErrorKind::TooManyRows { max } => words::too_many_rows(lang, *max),
            LoadErrorKind::TextTooLong { max } => words::text_too_long(lang, *max),
        }
    }
}

impl Expected {
    /// What the field should hold, in words.
    pub fn label(self) -> Phrase {
        match self {
            Expected::YearOrNull => words::EXPECTED_YEAR,
            Expected::TextOrNull => words::EXPECTED_TEXT,
            Expected::CountOrNull => words::EXPECTED_COUNT,
            Expected::Amount => words::EXPECTED_AMOUNT,
            Expected::Object => words::EXPECTED_OBJECT,
            Expected::Array => words::EXPECTED_ARRAY,
            Expected::Columns => words::EXPECTED_COLUMNS,
            Expected::Unknown => words::EXPECTED_UNKNOWN,
        }
    }
}

worded_error!(LoadError, |e: &LoadError| e
    .message(Lang::En, "a declaration"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_types_follow_the_spec_tables() {
        assert_eq!(
            Expected::at("department.staff_count"),
            Expected::CountOrNull
        );
        assert_eq!(Expected::at("budget.expenditure.basic"), Expected::Amount);
        assert_eq!(Expected::at("key_tasks[12].funds"), Expected::Amount);
        assert_eq!(Expected::at("key_tasks[0].content"), Expected::TextOrNull);
        assert_eq!(Expected::at("indicators[3]"), Expected::Object);
        assert_eq!(Expected::at("indicators"), Expected::Array);
        assert_eq!(Expected::at("fiscal_year"), Expected::YearOrNull);
    }

    #[test]
    fn found_part_keeps_what_was_there() {
        assert_eq!(
            found_part("invalid type: string \"18\", expected u32"),
            "string \"18\""
        );
        assert_eq!(
            found_part("invalid value: integer `-1`, expected u32"),
            "integer `-1`"
        );
    }

    #[test]
    fn a_type_error_names_file_position_field_and_expectation() {
        let err = LoadError {
            field: Some("department.staff_count".into()),
            position: Some((4, 22)),
            cell: None,
            department: None,
            problem: LoadErrorKind::WrongType {
                expected: Expected::CountOrNull,
                found: "string \"18\"".into(),
            },
        };
        assert_eq!(
            err.message(Lang::Zh, "a.json"),
            "a.json 第4行第22列 字段 department.staff_count：应为不小于 0 的整数或 null，实际是文本 \"18\""
        );
        assert_eq!(
            err.message(Lang::En, "a.json"),
            "a.json line 4 column 22 field department.staff_count: expected a whole number ≥ 0, or null, found string \"18\""
        );
    }

    #[test]
    fn hostile_file_names_are_shown_safely() {
        let err = LoadError::whole_file(LoadErrorKind::NotAnObject);
        let m = err.message(Lang::En, "x\u{1b}[2J.json");
        assert!(m.starts_with("x^[[2J.json"));
    }
}
