//! Checking: a file loaded and run through the catalogue's rules, and a
//! folder's files checked on all cores with the rules that look across
//! files. Loading itself (`load`) runs no rule.

use crate::config::Config;
use crate::load::{
    LoadError, Namesakes, declaration_files, file_label, parse_file, read_named, read_named_among,
};
use crate::model::Declaration;
use crate::rules::{
    self, BudgetCheck, Flag, GoalKey, LastYear, Measurability, Member, Previous, RowKeys,
};
use rayon::prelude::*;
use std::path::Path;

/// A declaration that loaded, with its flags: what the review desk keeps.
#[derive(Debug, Clone)]
pub struct Checked {
    pub declaration: Declaration,
    pub flags: Vec<Flag>,
    /// The goal as XDUP-02 compares it, made once when the file is read.
    pub goal: Option<GoalKey>,
    /// Last year's declaration of the department and its rows matched to
    /// this year's, or why there is none; `None` when no folder of last
    /// year was named.
    pub previous: Option<Previous>,
    /// How measurable its indicators are, counted while they are at hand
    /// (the desk packs them away; the season's figures need this only).
    pub measurability: Measurability,
    /// Its indicator rows as the season compares them across departments,
    /// kept for the same reason.
    pub rows: RowKeys,
}

impl Checked {
    /// A declaration run through the single-declaration rules and, when
    /// last year's folder is named, the rules across years (with its goal
    /// kept for XDUP-02 when that rule is on).
    pub fn new(declaration: Declaration, config: &Config) -> Checked {
        let mut flags = rules::check(&declaration, &config.rules);
        let previous = config.rules.last_year.as_deref().map(|last| {
            let (previous, across) = rules::years::compare(&declaration, last, &config.rules);
            flags.extend(across);
            rules::sort_flags(&mut flags);
            previous
        });
        let goal = config
            .rules
            .enabled(rules::Rule::Xdup02)
            .then(|| GoalKey::of(declaration.overall_goal.as_deref()))
            .flatten();
        Checked {
            measurability: Measurability::of(&declaration),
            rows: RowKeys::of(&declaration),
            declaration,
            flags,
            goal,
            previous,
        }
    }
}

/// Reads last year's folder under the same rules as this year's (the
/// size cap, no link followed, workbooks and JSON alike), on all cores.
/// A file that does not load is kept with why; it never stops the rest.
pub fn read_last_year(dir: &Path, config: &Config) -> std::io::Result<LastYear> {
    let files = declaration_files(dir)?;
    let namesakes = Namesakes::of(&files);
    let cap = config.max_file_bytes;
    let read: Vec<(String, Result<Declaration, LoadError>)> = files
        .par_iter()
        .map(|path| {
            let outcome = read_named_among(path, cap, namesakes.of_file(path))
                .and_then(|bytes| parse_file(path, &bytes, cap))
                .map(LastYear::kept);
            (file_label(path), outcome)
        })
        .collect();
    Ok(LastYear::new(crate::sanitize::display_path(dir), read))
}

/// `config` with last year's folder (`--previous`, else `[compare]
/// previous`) read into its rule settings, when one is named.
pub fn compare_with_last_year(
    config: &mut Config,
    dir: &Path,
    given: Option<&Path>,
) -> Result<(), (std::path::PathBuf, std::io::Error)> {
    if let Some(last) = config.compare.previous_for(dir, given) {
        let read = read_last_year(&last, config).map_err(|e| (last, e))?;
        config.rules.last_year = Some(std::sync::Arc::new(read));
    }
    Ok(())
}

/// What `shenhe check` keeps of a declaration once it is checked: who,
/// which year, what was found. Dropping the rest in the worker keeps a
/// folder of 10,000 files from living in memory at once.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub department: Option<String>,
    pub fiscal_year: Option<i32>,
    pub flags: Vec<Flag>,
    /// The budget checks that did not run, with what they lacked (the
    /// others ran: most files keep nothing here).
    pub budget_checks_not_run: Vec<BudgetCheck>,
    /// The goal as XDUP-02 compares it.
    pub goal: Option<GoalKey>,
    /// For a workbook, the cells of the flagged places (not every box).
    pub cells: crate::model::cells::CellMap,
    /// The label the form prints for own use (`市本级使用资金`).
    pub own_use_label: Option<String>,
    /// Last year's file and the rows matched, or why there is none.
    pub previous: Option<Previous>,
    pub measurability: Measurability,
    pub rows: RowKeys,
}

impl Verdict {
    /// Every budget check in catalogue order, whether it ran and, if not,
    /// what it lacked.
    pub fn budget_checks(&self) -> Vec<BudgetCheck> {
        rules::BUDGET_CHECKS
            .into_iter()
            .map(|rule| {
                self.budget_checks_not_run
                    .iter()
                    .find(|b| b.rule == rule)
                    .cloned()
                    .unwrap_or(BudgetCheck {
                        rule,
                        missing: Vec::new(),
                    })
            })
            .collect()
    }

    /// How its places are named (see [`crate::model::cells::Printed`]).
    pub fn printed(&self) -> crate::model::cells::Printed<'_> {
        crate::model::cells::Printed {
            cells: &self.cells,
            own_use_label: crate::text::non_blank(&self.own_use_label),
        }
    }
}

impl From<Checked> for Verdict {
    fn from(c: Checked) -> Verdict {
        let cells = c.declaration.cells.only(c.flags.iter().map(|f| f.location));
        Verdict {
            cells,
            budget_checks_not_run: BudgetCheck::all(&c.declaration)
                .into_iter()
                .filter(|b| !b.ran())
                .collect(),
            goal: c.goal,
            previous: c.previous,
            measurability: c.measurability,
            rows: c.rows,
            own_use_label: c.declaration.budget.by_level.own_use_label.clone(),
            department: c
                .declaration
                .department
                .name
                .filter(|n| !n.trim().is_empty()),
            fiscal_year: c.declaration.fiscal_year,
            flags: c.flags,
        }
    }
}

/// What the cross-folder rules need of a loaded declaration: its
/// department, year and goal to read, its flags to add to.
pub trait Identity {
    fn member<'a>(&'a mut self, file: &'a str) -> Member<'a>;
}

impl Identity for Checked {
    fn member<'a>(&'a mut self, file: &'a str) -> Member<'a> {
        let d = &self.declaration;
        Member {
            file,
            name: d.department.name.as_deref(),
            year: d.fiscal_year,
            goal: self.goal.as_ref(),
            flags: &mut self.flags,
        }
    }
}

impl Identity for Verdict {
    fn member<'a>(&'a mut self, file: &'a str) -> Member<'a> {
        Member {
            file,
            name: self.department.as_deref(),
            year: self.fiscal_year,
            goal: self.goal.as_ref(),
            flags: &mut self.flags,
        }
    }
}

/// One file of the folder: its name relative to the folder, and what
/// became of it.
#[derive(Debug, Clone)]
pub struct Entry<T = Checked> {
    pub file: String,
    pub outcome: Result<T, LoadError>,
}

/// Loads and checks one file (single-declaration rules only).
pub fn check_file(path: &Path, config: &Config) -> Entry {
    check_file_keeping_bytes(path, config).0
}

/// As [`check_file`], handing back the bytes it read too (the review desk
/// hashes them to date comments, without reading the file twice).
pub fn check_file_keeping_bytes(path: &Path, config: &Config) -> (Entry, Option<Vec<u8>>) {
    check_read(path, read_named(path, config.max_file_bytes), config)
}

/// As [`check_file_keeping_bytes`], for a file of a folder's listing.
pub fn check_listed(
    path: &Path,
    namesakes: &Namesakes,
    config: &Config,
) -> (Entry, Option<Vec<u8>>) {
    let read = read_named_among(path, config.max_file_bytes, namesakes.of_file(path));
    check_read(path, read, config)
}

fn check_read(
    path: &Path,
    read: Result<Vec<u8>, LoadError>,
    config: &Config,
) -> (Entry, Option<Vec<u8>>) {
    let file = file_label(path);
    let cap = config.max_file_bytes;
    let (outcome, bytes) = match read {
        Ok(bytes) => (parse_file(path, &bytes, cap), Some(bytes)),
        Err(e) => (Err(e), None),
    };
    let outcome = outcome.map(|declaration| Checked::new(declaration, config));
    (Entry { file, outcome }, bytes)
}

/// Runs the rules that look across files over entries already checked.
pub fn check_across<T: Identity>(entries: &mut [Entry<T>], config: &Config) {
    check_across_each(entries.iter_mut(), config);
}

/// As [`check_across`], over entries wherever they are kept.
pub fn check_across_each<'a, T: Identity + 'a>(
    entries: impl IntoIterator<Item = &'a mut Entry<T>>,
    config: &Config,
) {
    let members = entries
        .into_iter()
        .filter_map(|e| Some(e.outcome.as_mut().ok()?.member(&e.file)));
    rules::mark_across_folder(members, &config.rules);
}

/// The checks across a folder taken apart from its entries: what each
/// file shows them, owned, so that they can run on another thread while
/// the entries stay where they are (the desk answers keys meanwhile: at
/// 100,000 files they take more than a second).
#[derive(Debug, Clone, PartialEq)]
pub struct AcrossFolder {
    members: Vec<AcrossMember>,
}

#[derive(Debug, Clone, PartialEq)]
struct AcrossMember {
    file: String,
    name: Option<String>,
    year: Option<i32>,
    goal: Option<GoalKey>,
}

/// What the checks across a folder said of each file: its folder flags.
pub type AcrossMarks = Vec<(String, Vec<Flag>)>;

impl AcrossFolder {
    pub fn of<'a, T: Identity + 'a>(entries: impl IntoIterator<Item = &'a mut Entry<T>>) -> Self {
        let members = entries
            .into_iter()
            .filter_map(|e| {
                let m = e.outcome.as_mut().ok()?.member(&e.file);
                Some(AcrossMember {
                    file: m.file.to_string(),
                    name: m.name.map(str::to_string),
                    year: m.year,
                    goal: m.goal.cloned(),
                })
            })
            .collect();
        AcrossFolder { members }
    }

    /// Runs the checks: each file's folder flags.
    pub fn run(self, config: &Config) -> AcrossMarks {
        let mut flags: Vec<Vec<Flag>> = vec![Vec::new(); self.members.len()];
        let members = self
            .members
            .iter()
            .zip(flags.iter_mut())
            .map(|(m, flags)| Member {
                file: &m.file,
                name: m.name.as_deref(),
                year: m.year,
                goal: m.goal.as_ref(),
                flags,
            });
        rules::mark_across_folder(members, &config.rules);
        self.members
            .into_iter()
            .map(|m| m.file)
            .zip(flags)
            .collect()
    }
}

/// Gives each entry the folder flags `marks` has for it, in place of the
/// ones it had; an entry `marks` does not name has none. Which entries
/// had or have some (their places in `entries`): the others are as they
/// were.
pub fn mark_across_each<'a, T: Identity + 'a>(
    entries: impl IntoIterator<Item = &'a mut Entry<T>>,
    marks: AcrossMarks,
) -> Vec<usize> {
    // The marks come in the entries' order when nothing changed since
    // they were asked for (the desk's case): taken as they come, and
    // looked up by file only from the first that differs.
    let mut in_order = marks.into_iter().peekable();
    let mut by_file: Option<std::collections::HashMap<String, Vec<Flag>>> = None;
    let folder = rules::across_folder();
    let mut touched = Vec::new();
    for (place, e) in entries.into_iter().enumerate() {
        let Ok(outcome) = e.outcome.as_mut() else {
            continue;
        };
        let m = outcome.member(&e.file);
        let marked = match in_order.next_if(|(file, _)| file == m.file) {
            Some((_, flags)) => flags,
            None => by_file
                .get_or_insert_with(|| in_order.by_ref().collect())
                .remove(m.file)
                .unwrap_or_default(),
        };
        let had = m.flags.len();
        m.flags.retain(|f| !folder.contains(&f.rule()));
        if had == m.flags.len() && marked.is_empty() {
            continue;
        }
        m.flags.extend(marked);
        rules::sort_flags(m.flags);
        touched.push(place);
    }
    touched
}

/// Loads and checks every declaration of a folder, on all cores, keeping
/// each declaration (for the review desk).
pub fn load_folder(dir: &Path, config: &Config) -> std::io::Result<Vec<Entry>> {
    let files = declaration_files(dir)?;
    let namesakes = Namesakes::of(&files);
    let mut entries: Vec<Entry> = files
        .par_iter()
        .map(|p| check_listed(p, &namesakes, config).0)
        .collect();
    check_across(&mut entries, config);
    Ok(entries)
}

/// Checks every declaration of a folder, on all cores, keeping only the
/// verdicts (for `shenhe check`).
pub fn check_folder(dir: &Path, config: &Config) -> std::io::Result<Vec<Entry<Verdict>>> {
    let files = declaration_files(dir)?;
    let namesakes = Namesakes::of(&files);
    let mut entries: Vec<Entry<Verdict>> = files
        .par_iter()
        .map(|p| {
            let Entry { file, outcome } = check_listed(p, &namesakes, config).0;
            Entry {
                file,
                outcome: outcome.map(Verdict::from),
            }
        })
        .collect();
    check_across(&mut entries, config);
    Ok(entries)
}
