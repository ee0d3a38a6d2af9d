//! The season at a glance (issue 24): the batch counted one way, for the
//! JSON of `check` and `export` now, and for 本批概况 and the report to the
//! government after. A *problem* is a flag that goes out to the department
//! (采纳: errors and warnings unless a reviewer dismissed them, notes only
//! when one included them) — what the 审核意见 says, so every figure of a
//! rule counts what departments are told.

mod copies;

use super::Review;
use super::record::{Decision, Grade};
use crate::rules::{Finding, Flag, Measurability, RowCounts, RowKey, RowKeys, RowText, Rule};
use copies::{Alike, VagueTargets, add_vague, repeated_rows};
use serde::Serialize;
use std::collections::BTreeMap;

/// One file of the batch as the figures need it.
pub struct Member<'a> {
    pub file: &'a str,
    /// The department's name as the file gave it, blank or not: looked
    /// at only where a figure names it (each name read is a trip to
    /// memory the count need not make).
    pub department: &'a Option<String>,
    /// Its flags, how measurable its indicators are and its rows' keys;
    /// `None` for a file that did not load.
    pub checked: Option<(&'a [Flag], Measurability, &'a RowKeys)>,
    pub review: &'a Review,
}

/// Declarations by the decision that counts for them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Decisions {
    pub pending: usize,
    pub approve: usize,
    #[serde(rename = "return")]
    pub returned: usize,
}

/// Decisions by the grade they carry, where the grade fits the decision
/// (a grade a decision does not take is shown marked elsewhere, and
/// counted as none here).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Grades {
    #[serde(rename = "优")]
    pub excellent: usize,
    #[serde(rename = "良")]
    pub good: usize,
    #[serde(rename = "中")]
    pub fair: usize,
    #[serde(rename = "差")]
    pub poor: usize,
}

/// How many declarations one reviewer decided (通过 or 退回修改), by the
/// name and login of the journal the system vouches the decision for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decider {
    pub reviewer: String,
    pub login: Option<String>,
    pub decisions: usize,
}

/// A rule's count over the batch: how many declarations, and how many of
/// their flags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    /// Written as its ID (`QUANT-01`).
    pub rule: Rule,
    pub declarations: usize,
    pub flags: usize,
}

/// One department's measurability, for the list of the lowest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Measured {
    pub file: String,
    pub department: Option<String>,
    #[serde(flatten)]
    pub measurability: Measurability,
}

/// The batch's measurability, and the departments lowest on it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BatchMeasurability {
    #[serde(flatten)]
    pub all: Measurability,
    /// At most [`LOWEST`] declarations with indicator rows, least measurable
    /// first (ties in file order).
    pub lowest: Vec<Measured>,
}

/// How many of the least measurable departments are named.
pub const LOWEST: usize = 5;

/// A target the QUANT rules found vague (QUANT-01, 02, 03), written alike
/// — the same once normalised — in several declarations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Vague {
    /// As the first of them wrote it.
    pub target: String,
    pub files: Vec<String>,
}

/// An indicator row written alike (the same name and targets once
/// normalised) by several departments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RepeatedRow {
    /// As the first of them wrote it.
    #[serde(flatten)]
    pub row: RowText,
    /// How many departments wrote it (two files of one count once).
    pub departments: usize,
    /// The files holding it, in file order.
    pub files: Vec<String>,
}

/// Groups of copies, repeated rows and vague targets named, at most.
pub const MOST_SHOWN: usize = 20;

/// The figures of a batch.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Season {
    pub decisions: Decisions,
    pub grades: Grades,
    /// Most decisions first, then by name.
    pub deciders: Vec<Decider>,
    /// Problems by rule: the declarations with a flag of it that goes out,
    /// most first, then in catalogue order.
    pub rules: Vec<RuleCount>,
    /// Flags reviewers dismissed (不采纳), by rule, as [`Season::rules`].
    pub dismissed: Vec<RuleCount>,
    pub measurability: BatchMeasurability,
    /// Declarations whose overall goals XDUP-02 found alike, in groups
    /// (every file it flagged with those it named), largest first.
    pub copies: Vec<Vec<String>>,
    /// Indicator rows held by two departments or more, most first (ties
    /// in the order of their first file).
    pub repeated: Vec<RepeatedRow>,
    /// Vague targets used by two declarations or more, most first.
    pub vague: Vec<Vague>,
}

/// Per rule: declarations and flags, counted a declaration at a time.
#[derive(Default)]
struct Tally {
    counts: BTreeMap<Rule, (usize, usize)>,
    /// One declaration's flags by rule, kept from one to the next rather
    /// than a map made for each.
    mine: Vec<(Rule, usize)>,
}

impl Tally {
    /// Adds one declaration's flags of the rules they are of.
    fn add<'f>(&mut self, flags: impl Iterator<Item = &'f Flag>) {
        self.mine.clear();
        for f in flags {
            let rule = f.rule();
            match self.mine.iter_mut().find(|(r, _)| *r == rule) {
                Some((_, n)) => *n += 1,
                None => self.mine.push((rule, 1)),
            }
        }
        for &(rule, n) in &self.mine {
            let (decls, all) = self.counts.entry(rule).or_default();
            *decls += 1;
            *all += n;
        }
    }

    fn counts(self) -> Vec<RuleCount> {
        let mut out: Vec<RuleCount> = self
            .counts
            .into_iter()
            .map(|(rule, (declarations, flags))| RuleCount {
                rule,
                declarations,
                flags,
            })
            .collect();
        sort_counts(&mut out);
        out
    }
}

/// Most declarations first; equal counts in catalogue order (the order
/// of [`Rule`]).
fn sort_counts(counts: &mut [RuleCount]) {
    counts.sort_by_key(|c| (std::cmp::Reverse(c.declarations), c.rule));
}

/// Adds one declaration's flags of each rule to `counts` (or takes them out).
fn shift_counts<'f>(counts: &mut Vec<RuleCount>, flags: impl Iterator<Item = &'f Flag>, add: bool) {
    let mut mine: BTreeMap<Rule, usize> = BTreeMap::new();
    for f in flags {
        *mine.entry(f.rule()).or_default() += 1;
    }
    for (rule, n) in mine {
        match (counts.iter_mut().find(|c| c.rule == rule), add) {
            (Some(c), true) => {
                c.declarations += 1;
                c.flags += n;
            }
            (Some(c), false) => {
                c.declarations = c.declarations.saturating_sub(1);
                c.flags = c.flags.saturating_sub(n);
            }
            (None, true) => counts.push(RuleCount {
                rule,
                declarations: 1,
                flags: n,
            }),
            (None, false) => {}
        }
    }
    counts.retain(|c| c.declarations > 0);
    sort_counts(counts);
}

impl Season {
    /// The figures of `members`, in file order. The rows held by several
    /// are counted from `kept` when the caller keeps their counts as files
    /// arrive (the desk), else here; `text_of` gives what a file's row of
    /// a key says, for the few rows named.
    pub fn of<'a>(
        members: impl IntoIterator<Item = Member<'a>>,
        kept: Option<&RowCounts>,
        text_of: impl FnMut(&str, RowKey) -> Option<RowText>,
    ) -> Season {
        let mut s = Season::default();
        let mut rows: Vec<(&str, &Option<String>, &RowKeys)> = Vec::new();
        let (mut problems, mut dismissed) = (Tally::default(), Tally::default());
        let mut deciders: BTreeMap<(String, Option<String>), usize> = BTreeMap::new();
        // With each file's place in the batch: members come in file order,
        // so equal shares are ordered without reading the names.
        let mut measured: Vec<(Measurability, usize, &str, &Option<String>)> = Vec::new();
        let mut alike = Alike::default();
        let mut vague = VagueTargets::new();
        for (at, m) in members.into_iter().enumerate() {
            let review = m.review;
            match review.decision() {
                Decision::Pending => s.decisions.pending += 1,
                Decision::Approve => s.decisions.approve += 1,
                Decision::Return => s.decisions.returned += 1,
            }
            if let Some(v) = review
                .verdict
                .as_ref()
                .filter(|v| v.decision != Decision::Pending)
            {
                *deciders
                    .entry((v.reviewer.clone(), v.login.clone()))
                    .or_default() += 1;
                match v.fitting_grade() {
                    Some(Grade::Excellent) => s.grades.excellent += 1,
                    Some(Grade::Good) => s.grades.good += 1,
                    Some(Grade::Fair) => s.grades.fair += 1,
                    Some(Grade::Poor) => s.grades.poor += 1,
                    None => {}
                }
            }
            alike.member(m.file, m.department);
            let Some((flags, measurability, keys)) = m.checked else {
                continue;
            };
            rows.push((m.file, m.department, keys));
            for f in flags {
                match f.finding() {
                    Finding::Xdup02(x) => alike.names(m.file, &x.shown),
                    Finding::Quant01(q) => add_vague(&mut vague, &q.target, m.file),
                    Finding::Quant02(q) => add_vague(&mut vague, &q.target, m.file),
                    Finding::Quant03(q) => add_vague(&mut vague, &q.target, m.file),
                    _ => {}
                }
            }
            problems.add(review.standing_flags(flags));
            dismissed.add(flags.iter().filter(|f| review.dismissal(f).is_some()));
            s.measurability.all = s.measurability.all.plus(measurability);
            if measurability.rows > 0 {
                measured.push((measurability, at, m.file, m.department));
            }
        }
        s.rules = problems.counts();
        s.dismissed = dismissed.counts();
        let mut deciders: Vec<Decider> = deciders
            .into_iter()
            .map(|((reviewer, login), decisions)| Decider {
                reviewer,
                login,
                decisions,
            })
            .collect();
        sort_deciders(&mut deciders);
        s.deciders = deciders;
        let lower = |a: &(Measurability, usize, _, _), b: &(Measurability, usize, _, _)| {
            (a.0.cmp_share(b.0)).then_with(|| a.1.cmp(&b.1))
        };
        if measured.len() > LOWEST {
            measured.select_nth_unstable_by(LOWEST, lower);
            measured.truncate(LOWEST);
        }
        measured.sort_by(lower);
        s.measurability.lowest = measured
            .into_iter()
            .map(|(measurability, _, file, department)| Measured {
                file: file.to_string(),
                department: crate::text::non_blank(department).map(str::to_string),
                measurability,
            })
            .collect();
        s.copies = alike.groups();
        let counted;
        let counts = match kept {
            Some(kept) => kept,
            None => {
                let mut here = RowCounts::default();
                for (_, department, keys) in &rows {
                    here.add(department.as_deref(), keys);
                }
                counted = here;
                &counted
            }
        };
        let rows = rows.into_iter().map(|(file, _, keys)| (file, keys));
        s.repeated = repeated_rows(counts, rows, text_of);
        let mut vague: Vec<_> = vague
            .into_values()
            .filter(|(_, files)| files.len() > 1)
            .collect();
        // Stable: equal counts stay in the order of their normalised text.
        vague.sort_by_key(|(_, files)| std::cmp::Reverse(files.len()));
        vague.truncate(MOST_SHOWN);
        let vague = vague
            .into_iter()
            .map(|(target, files)| Vague {
                target: target.to_string(),
                files: files.into_iter().map(str::to_string).collect(),
            })
            .collect();
        s.vague = vague;
        s
    }
}

/// Most decisions first, then by name and login.
fn sort_deciders(deciders: &mut [Decider]) {
    deciders.sort_by(|a, b| {
        b.decisions
            .cmp(&a.decisions)
            .then_with(|| (&a.reviewer, &a.login).cmp(&(&b.reviewer, &b.login)))
    });
}

impl Season {
    /// A declaration's review put into the figures (after [`Season::review_out`]
    /// took its earlier one out): what a colleague's decision or judgement
    /// changes — the decision, its grade, who decided, the problems and the
    /// flags dismissed — without counting the batch again. Measurability,
    /// copies and vague targets do not follow reviews.
    pub fn review_in(&mut self, m: &Member) {
        self.shift(m, true);
    }

    /// A declaration's review taken out of the figures.
    pub fn review_out(&mut self, m: &Member) {
        self.shift(m, false);
    }

    fn shift(&mut self, m: &Member, add: bool) {
        let step = |n: &mut usize| match add {
            true => *n += 1,
            false => *n = n.saturating_sub(1),
        };
        let review = m.review;
        match review.decision() {
            Decision::Pending => step(&mut self.decisions.pending),
            Decision::Approve => step(&mut self.decisions.approve),
            Decision::Return => step(&mut self.decisions.returned),
        }
        if let Some(v) = review
            .verdict
            .as_ref()
            .filter(|v| v.decision != Decision::Pending)
        {
            match v.fitting_grade() {
                Some(Grade::Excellent) => step(&mut self.grades.excellent),
                Some(Grade::Good) => step(&mut self.grades.good),
                Some(Grade::Fair) => step(&mut self.grades.fair),
                Some(Grade::Poor) => step(&mut self.grades.poor),
                None => {}
            }
            let who = |d: &Decider| d.reviewer == v.reviewer && d.login == v.login;
            match self.deciders.iter_mut().find(|d| who(d)) {
                Some(d) => step(&mut d.decisions),
                None if add => self.deciders.push(Decider {
                    reviewer: v.reviewer.clone(),
                    login: v.login.clone(),
                    decisions: 1,
                }),
                None => {}
            }
            self.deciders.retain(|d| d.decisions > 0);
            sort_deciders(&mut self.deciders);
        }
        if let Some((flags, ..)) = m.checked {
            shift_counts(&mut self.rules, review.standing_flags(flags), add);
            let dismissed = flags.iter().filter(|f| review.dismissal(f).is_some());
            shift_counts(&mut self.dismissed, dismissed, add);
        }
    }
}
