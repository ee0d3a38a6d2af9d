//! YOY-01, YOY-02 and YOY-03: a declaration against its department's of
//! last year (the catalogue's *Across years*). They run only when the
//! reviewer names last year's folder; that folder, read, is a
//! [`LastYear`] held in the rule settings, so every path that checks a
//! file (the desk, `check`, the exports, a comment written) sees the same
//! flags.

pub(crate) mod yoy_01;
pub(crate) mod yoy_02;
pub(crate) mod yoy_03;

mod matching;

pub use matching::{By, Matching, tasks as match_tasks};

use super::configured::Setting;
use super::docs::Section;
use super::similar;
use super::violation::{Check, Found, Violation, YearForm};
use super::{Flag, Flags, Ground, RuleSettings, Severity};
use crate::i18n::{Lang, years as words};
use crate::load::LoadError;
use crate::model::{Declaration, Indicator, Location};
use crate::text::{is_ceiling, non_blank, normalise, numbers};
use rust_decimal::Decimal;
use std::collections::HashMap;

pub(crate) const SECTION: Section = Section::Years;

/// Last year's folder as read: each declaration that loaded by its file,
/// the files that did not, and an index by department.
#[derive(Default)]
pub struct LastYear {
    /// The folder as the reviewer named it, for messages.
    pub folder: String,
    loaded: Vec<(String, Declaration)>,
    /// The files that did not load, with why.
    pub broken: Vec<(String, LoadError)>,
    /// Normalised department name → positions in `loaded`.
    by_name: HashMap<String, Vec<usize>>,
    /// File → position in `loaded`.
    by_file: HashMap<String, usize>,
}

impl std::fmt::Debug for LastYear {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "LastYear({}, {} loaded, {} broken)",
            self.folder,
            self.loaded.len(),
            self.broken.len()
        )
    }
}

/// A department name as the across-years rules compare it.
fn name_key(name: Option<&str>) -> Option<String> {
    let key = normalise(crate::sanitize::visible(name?.trim()).trim()).into_owned();
    (!key.is_empty()).then_some(key)
}

impl LastYear {
    /// Last year's folder from what reading it gave, file by file.
    pub fn new(folder: String, files: Vec<(String, Result<Declaration, LoadError>)>) -> LastYear {
        let mut out = LastYear {
            folder,
            ..LastYear::default()
        };
        for (file, outcome) in files {
            match outcome {
                Ok(d) => {
                    if let Some(key) = name_key(d.department.name.as_deref()) {
                        out.by_name.entry(key).or_default().push(out.loaded.len());
                    }
                    out.by_file.insert(file.clone(), out.loaded.len());
                    out.loaded.push((file, d));
                }
                Err(e) => out.broken.push((file, e)),
            }
        }
        out
    }

    /// A declaration of last year as the comparison keeps it: what the
    /// rules and the 上年对比 pane read. The long texts of its key tasks
    /// and its workbook cells are let go where it is read (on all cores),
    /// so 10,000 of them cost less to hold and to free.
    pub fn kept(mut d: Declaration) -> Declaration {
        for t in &mut d.key_tasks {
            t.content = None;
            t.expected_outcome = None;
        }
        d.other_tasks = None;
        d.cells = Default::default();
        d
    }

    /// How many of its files loaded.
    pub fn loaded(&self) -> usize {
        self.loaded.len()
    }

    /// Last year's declaration in `file`.
    pub fn get(&self, file: &str) -> Option<&Declaration> {
        let at = *self.by_file.get(file)?;
        self.loaded.get(at).map(|(_, d)| d)
    }

    /// The previous of `decl`: the one declaration of its department
    /// (trimmed, normalised name) a year earlier, or why there is none.
    pub fn previous_of(&self, decl: &Declaration) -> Previous {
        let Some(key) = name_key(decl.department.name.as_deref()) else {
            return Previous::Nameless;
        };
        let year_fits = |d: &Declaration| match (decl.fiscal_year, d.fiscal_year) {
            (Some(now), Some(then)) => now.checked_sub(1) == Some(then),
            _ => true,
        };
        let found: Vec<&(String, Declaration)> = self
            .by_name
            .get(&key)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.loaded.get(i))
            .filter(|(_, d)| year_fits(d))
            .collect();
        match found.as_slice() {
            [(file, last)] => Previous::Found {
                file: file.clone(),
                rows: Matching::of(&decl.indicators, &last.indicators),
            },
            [] => match self
                .broken
                .iter()
                .find(|(_, e)| name_key(e.department.as_deref()).as_ref() == Some(&key))
            {
                Some((file, _)) => Previous::Unreadable(file.clone()),
                None => Previous::None,
            },
            several => Previous::Several(several.iter().map(|(f, _)| f.clone()).collect()),
        }
    }
}

/// A declaration's previous, or why it has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Previous {
    /// Last year's file of the department, with this year's rows matched
    /// to its rows.
    Found { file: String, rows: Matching },
    /// Last year's folder holds no declaration of this department a year
    /// earlier.
    None,
    /// It holds more than one: which is meant cannot be told.
    Several(Vec<String>),
    /// Last year's file of the department did not load.
    Unreadable(String),
    /// This year's department name is blank: nothing to look for.
    Nameless,
}

impl Previous {
    /// Last year's file, when there is one.
    pub fn file(&self) -> Option<&str> {
        match self {
            Previous::Found { file, .. } => Some(file),
            _ => None,
        }
    }

    /// Why there is no previous, in the reviewer's language.
    pub fn why_none(&self, lang: Lang) -> Option<String> {
        let shown = |f: &str| crate::sanitize::display_line(f).into_owned();
        match self {
            Previous::Found { .. } => None,
            Previous::None => Some(words::no_previous(lang)),
            Previous::Several(files) => Some(words::several_previous(
                lang,
                &files.iter().map(|f| shown(f)).collect::<Vec<_>>(),
            )),
            Previous::Unreadable(file) => Some(words::unreadable_previous(lang, &shown(file))),
            Previous::Nameless => Some(words::nameless_previous(lang)),
        }
    }

    /// As `check --format json` names it.
    pub fn as_str(&self) -> &'static str {
        match self {
            Previous::Found { .. } => "found",
            Previous::None => "none",
            Previous::Several(_) => "several",
            Previous::Unreadable(_) => "unreadable",
            Previous::Nameless => "nameless",
        }
    }
}

/// `decl` against last year's folder: its previous (or why none), and
/// the flags of the rules across years when there is one.
pub fn compare(decl: &Declaration, last: &LastYear, s: &RuleSettings) -> (Previous, Vec<Flag>) {
    let previous = last.previous_of(decl);
    let flags = match &previous {
        Previous::Found { file, rows } => last
            .get(file)
            .map(|was| run(decl, was, rows, s))
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    (previous, flags)
}

/// Runs the rules across years on `decl` against `last`, this year's
/// rows matched as `rows` says.
pub fn run(decl: &Declaration, last: &Declaration, rows: &Matching, s: &RuleSettings) -> Vec<Flag> {
    let mut flags = Flags::new(s);
    let form = YearForm {
        decl,
        last,
        rows,
        settings: s,
    };
    for (rule, check) in super::registry::checks() {
        if let Check::Years(run) = check
            && s.enabled(rule)
        {
            run(&form, &mut flags);
        }
    }
    flags.into_sorted()
}

/// The target compared: annual_target, else period_target.
pub fn compared(row: &Indicator) -> Option<&str> {
    non_blank(&row.annual_target).or_else(|| non_blank(&row.period_target))
}

/// How this year's target of a row compares with last year's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Movement {
    /// It asks more: a floor raised, a ceiling lowered.
    Harder,
    /// It asks less: a floor lowered, a ceiling raised (YOY-01).
    Easier,
    /// The same target.
    Same,
    /// Changed, but not comparably (no number, another unit, a ceiling
    /// against a floor), or a side blank.
    Other,
}

impl Movement {
    /// Compares the targets of a row and last year's row it is.
    pub fn of(row: &Indicator, was: &Indicator) -> Movement {
        let (Some(now), Some(before)) = (compared(row), compared(was)) else {
            return Movement::Other;
        };
        if now.trim() == before.trim() {
            return Movement::Same;
        }
        let (Some(n), Some(b)) = (numbers(now).next(), numbers(before).next()) else {
            return Movement::Other;
        };
        if n.unit != b.unit || n.percentage != b.percentage {
            return Movement::Other;
        }
        let ceiling = match (is_ceiling(now), is_ceiling(before)) {
            (true, true) => true,
            (false, false) => false,
            _ => return Movement::Other,
        };
        let (Some(nv), Some(bv)) = (n.value(), b.value()) else {
            return Movement::Other;
        };
        match (nv.cmp(&bv), ceiling) {
            (std::cmp::Ordering::Equal, _) => Movement::Same,
            (std::cmp::Ordering::Less, false) | (std::cmp::Ordering::Greater, true) => {
                Movement::Easier
            }
            _ => Movement::Harder,
        }
    }
}

/// A row's name as matching compares it.
fn name_of(r: &Indicator) -> String {
    normalise(crate::text::strip_trailing_parenthesis(
        r.name.as_deref().unwrap_or(""),
    ))
    .into_owned()
}

/// Last year's name of a matched row, where it differs from this year's.
pub fn renamed<'a>(row: &Indicator, was: &'a Indicator) -> Option<&'a str> {
    (name_of(row) != name_of(was)).then(|| was.name.as_deref().unwrap_or(""))
}

#[cfg(test)]
mod tests;
