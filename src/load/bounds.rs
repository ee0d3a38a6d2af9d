//! The format's bounds (declaration-format.md, “Bounds”): how many rows a
//! declaration may have and how long one text may be. No real form comes
//! near them; a file beyond one is that file's load error naming the field.
//!
//! They are what keeps one submitted file from costing the batch: a 3 MB
//! file of a million empty rows would otherwise be a million rows (and a
//! million flags), and a 70 KB workbook can unpack to a 20-million-character
//! name that every notice then repeats. JSON and workbooks are held to the
//! same numbers, here.

use super::{LoadError, LoadErrorKind};
use crate::model::{Declaration, Location, TaskField};

/// Rows of 绩效指标 a declaration may have.
pub const MAX_INDICATORS: usize = 500;
/// Key tasks (部门年度重点工作任务) a declaration may have.
pub const MAX_TASKS: usize = 100;
/// Characters in one text field.
pub const MAX_TEXT_CHARS: usize = 5_000;
/// Characters in 总体绩效目标, a task's 主要实施内容 and 其他需完成的任务.
pub const MAX_LONG_TEXT_CHARS: usize = 20_000;

/// The most characters the text at `at` may hold.
pub fn text_limit(at: Location) -> usize {
    match at {
        Location::OverallGoal
        | Location::OtherTasks
        | Location::KeyTask(_, Some(TaskField::Content)) => MAX_LONG_TEXT_CHARS,
        _ => MAX_TEXT_CHARS,
    }
}

/// The most rows the list at `at` (`indicators` or `key_tasks`) may hold.
pub fn row_limit(at: Location) -> usize {
    match at {
        Location::KeyTasks => MAX_TASKS,
        _ => MAX_INDICATORS,
    }
}

/// The most characters a workbook cell is kept with: one more than any
/// box may hold, so a longer one is still known to be too long, and a
/// cell of twenty million characters is not copied on through the reader.
pub const MAX_CELL_CHARS: usize = MAX_LONG_TEXT_CHARS + 1;

/// `text` cut to [`MAX_CELL_CHARS`] characters.
pub fn cell_text(text: &str) -> String {
    // A character is at least a byte: a short text needs no counting.
    if text.len() <= MAX_CELL_CHARS {
        return text.to_string();
    }
    match text.char_indices().nth(MAX_CELL_CHARS) {
        Some((end, _)) => text[..end].to_string(),
        None => text.to_string(),
    }
}

/// Is `text` longer than `max` characters? Counts no further than needed.
pub fn longer_than(text: &str, max: usize) -> bool {
    // A character is at most four bytes and at least one.
    text.len() > max && (text.len() > 4 * max || text.chars().nth(max).is_some())
}

/// The first place where `d` is beyond the format's bounds, and how.
pub fn exceeded(d: &Declaration) -> Option<(Location, LoadErrorKind)> {
    for (list, len) in [
        (Location::KeyTasks, d.key_tasks.len()),
        (Location::Indicators, d.indicators.len()),
    ] {
        let max = row_limit(list);
        if len > max {
            return Some((list, LoadErrorKind::TooManyRows { max }));
        }
    }
    d.texts().find_map(|(at, text)| {
        let max = text_limit(at);
        longer_than(text, max).then_some((at, LoadErrorKind::TextTooLong { max }))
    })
}

/// `d` as read, or the load error of its first field beyond the bounds.
/// `cell` says where a field sits in a workbook (`None` for JSON).
pub fn hold(
    d: Declaration,
    cell: impl Fn(&Declaration, Location) -> Option<String>,
) -> Result<Declaration, LoadError> {
    match exceeded(&d) {
        None => Ok(d),
        Some((at, problem)) => Err(LoadError {
            field: Some(at.to_string()),
            cell: cell(&d, at),
            ..LoadError::whole_file(problem)
        }),
    }
}

/// Where the typed pass stops a list that runs past its bound, before the
/// rest of it is read: carried through serde's error as a marked message.
const MARK_TOO_MANY: &str = "\u{1}shenhe-too-many-rows\u{1}";

pub(super) fn too_many_message(max: usize) -> String {
    format!("{MARK_TOO_MANY}{max}")
}

/// The bound a serde error message says a list ran past, if it says one.
pub(super) fn too_many_in(message: &str) -> Option<usize> {
    let rest = &message[message.find(MARK_TOO_MANY)? + MARK_TOO_MANY.len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Indicator, IndicatorField, KeyTask};

    #[test]
    fn long_fields_are_the_three_the_format_names() {
        assert_eq!(text_limit(Location::OverallGoal), 20_000);
        assert_eq!(text_limit(Location::OtherTasks), 20_000);
        assert_eq!(
            text_limit(Location::KeyTask(3, Some(TaskField::Content))),
            20_000
        );
        assert_eq!(
            text_limit(Location::KeyTask(3, Some(TaskField::Name))),
            5_000
        );
        for f in [IndicatorField::Name, IndicatorField::AnnualTarget] {
            assert_eq!(text_limit(Location::Indicator(0, Some(f))), 5_000);
        }
    }

    #[test]
    fn characters_not_bytes_are_counted() {
        let han = "审".repeat(5_000);
        assert!(!longer_than(&han, 5_000), "15,000 bytes, 5,000 characters");
        assert!(longer_than(&(han + "x"), 5_000));
        assert!(!longer_than("abc", 3));
        assert!(longer_than("abcd", 3));
    }

    #[test]
    fn the_first_field_beyond_a_bound_is_named() {
        let mut d = Declaration {
            indicators: vec![Indicator::default(); 500],
            key_tasks: vec![KeyTask::default(); 100],
            ..Declaration::default()
        };
        assert!(exceeded(&d).is_none(), "the bounds themselves are allowed");
        d.indicators[7].name = Some("x".repeat(5_001));
        let (at, problem) = exceeded(&d).unwrap();
        assert_eq!(at.to_string(), "indicators[7].name");
        assert_eq!(problem, LoadErrorKind::TextTooLong { max: 5_000 });
        d.key_tasks.push(KeyTask::default());
        let (at, problem) = exceeded(&d).unwrap();
        assert_eq!(at.to_string(), "key_tasks");
        assert_eq!(problem, LoadErrorKind::TooManyRows { max: 100 });
    }

    #[test]
    fn the_marked_message_survives_serde_s_suffix() {
        let m = format!("{} at line 1 column 9", too_many_message(500));
        assert_eq!(too_many_in(&m), Some(500));
        assert_eq!(too_many_in("invalid type"), None);
    }
}
