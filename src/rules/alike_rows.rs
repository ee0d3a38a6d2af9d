//! Indicator rows written alike across declarations (issue 24): a row is
//! known by its name and targets once normalised, kept as a hash made when
//! the file is read — the desk packs the rows away, and `check` drops them
//! — so a batch's rows are counted without holding their text.

use crate::model::{Declaration, Indicator, TargetColumns};
use crate::text::{non_blank, push_normalised};
use serde::Serialize;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, BuildHasherDefault, Hasher, RandomState};
use std::sync::{Arc, OnceLock};

/// A row's name and targets once normalised, hashed with SipHash under keys
/// drawn at random once a process: a file from outside cannot be written to
/// pass for another department's row (a fixed hash could be collided on
/// purpose). The keys differ from run to run, so a key is never stored and
/// never decides an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RowKey(u64);

fn keys() -> &'static RandomState {
    static KEYS: OnceLock<RandomState> = OnceLock::new();
    KEYS.get_or_init(RandomState::new)
}

impl RowKey {
    /// The key of a row with a name and at least one target (a row missing
    /// either says nothing another department could repeat).
    pub fn of(row: &Indicator, columns: TargetColumns) -> Option<RowKey> {
        RowKey::of_in(row, columns, &mut Vec::new())
    }

    /// As [`RowKey::of`], writing the normalised text into `buffer` (kept
    /// from row to row: a declaration's rows cost no allocation each) and
    /// hashing it in one call — SipHash is slow fed in small pieces.
    fn of_in(row: &Indicator, columns: TargetColumns, buffer: &mut Vec<u8>) -> Option<RowKey> {
        let name = non_blank(&row.name)?;
        let period = match columns {
            TargetColumns::Two => non_blank(&row.period_target),
            TargetColumns::One => None,
        };
        buffer.clear();
        let mut wrote = |text: Option<&str>| {
            let at = buffer.len();
            if let Some(text) = text {
                push_normalised(buffer, text);
            }
            let any = buffer.len() > at;
            // No UTF-8 text holds 0xFF: one box's text cannot run into the
            // next's ("培训" + "12场" is not "培训1" + "2场").
            buffer.push(0xFF);
            any
        };
        let named = wrote(Some(name));
        let annual = wrote(non_blank(&row.annual_target));
        let period = wrote(period);
        (named && (annual || period)).then(|| RowKey(keys().hash_one(buffer.as_slice())))
    }

    /// The first row of `declaration` with this key.
    pub fn find(self, declaration: &Declaration) -> Option<&Indicator> {
        let columns = declaration.target_columns;
        declaration
            .indicators
            .iter()
            .find(|row| RowKey::of(row, columns) == Some(self))
    }

    /// What the row of this key says in `declaration`, if it has one.
    pub fn text_in(self, declaration: &Declaration) -> Option<RowText> {
        let row = self.find(declaration)?;
        let cell = |t: &Option<String>| non_blank(t).map(|t| t.trim().to_string());
        Some(RowText {
            name: cell(&row.name).unwrap_or_default(),
            annual_target: cell(&row.annual_target),
            period_target: match declaration.target_columns {
                TargetColumns::Two => cell(&row.period_target),
                TargetColumns::One => None,
            },
        })
    }
}

/// A row as a declaration wrote it (trimmed): its name and targets, the
/// period target only where the form has that column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowText {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annual_target: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_target: Option<String>,
}

impl RowText {
    /// Its targets as one text: the annual, then the period's after a
    /// slash where it differs.
    pub fn targets(&self) -> String {
        let annual = self.annual_target.as_deref();
        let period = self.period_target.as_deref().filter(|p| Some(*p) != annual);
        let targets: Vec<&str> = annual.into_iter().chain(period).collect();
        targets.join(" / ")
    }
}

/// The keys of a declaration's rows, each once (a department writing a
/// row twice repeats nobody), in the order of the rows. Shared: the batch's
/// counts keep a department's first file's keys without copying them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowKeys(Arc<[RowKey]>);

impl RowKeys {
    pub fn of(declaration: &Declaration) -> RowKeys {
        let columns = declaration.target_columns;
        let mut buffer = Vec::new();
        let mut keys: Vec<(RowKey, usize)> = declaration
            .indicators
            .iter()
            .filter_map(|row| RowKey::of_in(row, columns, &mut buffer))
            .enumerate()
            .map(|(at, key)| (key, at))
            .collect();
        // The first of each key kept, then back in row order (the keys'
        // own order changes from run to run).
        keys.sort_unstable();
        keys.dedup_by_key(|(key, _)| *key);
        keys.sort_unstable_by_key(|&(_, at)| at);
        RowKeys(keys.into_iter().map(|(key, _)| key).collect())
    }

    pub fn iter(&self) -> impl Iterator<Item = RowKey> + '_ {
        self.0.iter().copied()
    }
}

/// A [`RowKey`] is already a uniform hash: the map takes it as it is.
#[derive(Default)]
pub struct AsIs(u64);

impl Hasher for AsIs {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is ever called (a RowKey hashes its u64); this
        // keeps any other input hashed, not lost.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// How many departments of a batch hold each row: counted as files
/// arrive, so that finding the most repeated never counts the batch again.
/// A department is its name (trimmed); two files of one department (a
/// double submission, XDUP-01) count their rows once. A file with no name
/// is a department of its own.
#[derive(Debug, Clone, Default)]
pub struct RowCounts {
    departments: HashMap<RowKey, u32, BuildHasherDefault<AsIs>>,
    /// Each named department's rows so far, by its name's hash (keyed
    /// as the rows are: no name is copied, and the desk adds a batch of
    /// files between two keys).
    held: HashMap<u64, Held, BuildHasherDefault<AsIs>>,
}

/// A department's rows: its one file's keys, shared (most departments
/// have one file); as a set once a second file comes, so that 10,000
/// files under one name, each with rows of its own, cost a look-up a row
/// and not a sort of them all.
#[derive(Debug, Clone)]
enum Held {
    Once(RowKeys),
    Many(HashSet<RowKey, BuildHasherDefault<AsIs>>),
}

/// A row several departments hold, how many, and the files holding it in
/// the order given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeated<'a> {
    pub key: RowKey,
    pub departments: usize,
    pub files: Vec<&'a str>,
}

impl RowCounts {
    /// A file of `department` with these rows, counted in.
    pub fn add(&mut self, department: Option<&str>, rows: &RowKeys) {
        let departments = &mut self.departments;
        let mut count = |key: RowKey| {
            let n = departments.entry(key).or_default();
            *n = n.saturating_add(1);
        };
        let name = department.map(str::trim).filter(|n| !n.is_empty());
        let Some(name) = name else {
            rows.iter().for_each(count);
            return;
        };
        match self.held.entry(keys().hash_one(name)) {
            Entry::Vacant(slot) => {
                rows.iter().for_each(&mut count);
                slot.insert(Held::Once(rows.clone()));
            }
            Entry::Occupied(mut slot) => {
                let held = slot.get_mut();
                if let Held::Once(keys) = held {
                    *held = Held::Many(keys.iter().collect());
                }
                if let Held::Many(set) = held {
                    for key in rows.iter() {
                        if set.insert(key) {
                            count(key);
                        }
                    }
                }
            }
        }
    }

    /// The `most` rows held by two departments or more, most held first,
    /// ties in the order of the first file holding them (and of its rows);
    /// with the files holding each, in the order of `members` (the batch's
    /// file order). Only the rows that can be among the `most` are looked
    /// for in the members' keys.
    pub fn most<'a>(
        &self,
        members: impl Iterator<Item = (&'a str, &'a RowKeys)>,
        most: usize,
    ) -> Vec<Repeated<'a>> {
        let mut shared: Vec<(RowKey, u32)> = self
            .departments
            .iter()
            .filter(|&(_, &n)| n > 1)
            .map(|(&key, &n)| (key, n))
            .collect();
        if most == 0 || shared.is_empty() {
            return Vec::new();
        }
        let nth = most.min(shared.len()) - 1;
        let (_, &mut (_, least), _) = shared.select_nth_unstable_by(nth, |a, b| b.1.cmp(&a.1));
        // All above the cut sit before it now; those at it may be anywhere.
        let above = shared.iter().filter(|&&(_, n)| n > least).count();
        let candidates: HashMap<RowKey, u32, BuildHasherDefault<AsIs>> =
            shared.into_iter().filter(|&(_, n)| n >= least).collect();
        // Most keys of a batch are not candidates: a bit per key's low
        // bits says so with one load, before the map is asked (1.4 ms of
        // 16 at 10,000 files, 330,000 keys).
        let mut maybe = vec![0u64; 1 << 10];
        let slot = |key: RowKey| (key.0 as usize >> 6) & ((1 << 10) - 1);
        for key in candidates.keys() {
            if let Some(word) = maybe.get_mut(slot(*key)) {
                *word |= 1 << (key.0 & 63);
            }
        }
        let may_be = |key: RowKey| {
            maybe
                .get(slot(key))
                .is_some_and(|w| w >> (key.0 & 63) & 1 == 1)
        };
        // A row at the cut's count is taken while there is room, in the
        // order the files show them: the same batch picks the same rows.
        let mut ties_left = most.saturating_sub(above);
        let mut chosen: HashMap<RowKey, usize, BuildHasherDefault<AsIs>> = HashMap::default();
        let mut out: Vec<Repeated<'a>> = Vec::new();
        for (file, rows) in members {
            for key in rows.iter().filter(|&key| may_be(key)) {
                let Some(&n) = candidates.get(&key) else {
                    continue;
                };
                if let Some(r) = chosen.get(&key).and_then(|&at| out.get_mut(at)) {
                    r.files.push(file);
                    continue;
                }
                if n == least {
                    if ties_left == 0 {
                        continue;
                    }
                    ties_left -= 1;
                }
                chosen.insert(key, out.len());
                out.push(Repeated {
                    key,
                    departments: n as usize,
                    files: vec![file],
                });
            }
        }
        // Stable: equal counts keep the order of their first file.
        out.sort_by_key(|r| std::cmp::Reverse(r.departments));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testing::quantity_row as row;

    fn key(name: &str, annual: &str, period: &str) -> Option<RowKey> {
        RowKey::of(&row(name, annual, period), TargetColumns::Two)
    }

    #[test]
    fn rows_are_alike_when_name_and_targets_are_the_same_once_normalised() {
        let k = key("培训场次", "≥12场", "≥40场");
        assert!(k.is_some());
        assert_eq!(key(" 培训 场次。", "≥12场", "≥40场 "), k);
        assert_eq!(key("（培训场次）", "≥12场，", "≥40场"), k);
        assert_ne!(key("培训场次", "≥13场", "≥40场"), k);
        assert_ne!(key("培训场次", "≥40场", "≥12场"), k);
        // One box's text does not run into the next's.
        assert_ne!(key("培训场次≥12场", "", "≥40场"), k);
        // A name alone, or targets alone, is nothing to repeat.
        assert_eq!(key("培训场次", "", ""), None);
        assert_eq!(key("", "≥12场", "≥40场"), None);
        assert_eq!(key("，。", "≥12场", ""), None);
        // With one target column the period box is not a target.
        let one = |r: &Indicator| RowKey::of(r, TargetColumns::One);
        assert_eq!(
            one(&row("培训场次", "≥12场", "≥40场")),
            one(&row("培训场次", "≥12场", "另写"))
        );
    }

    fn declaration(rows: &[(&str, &str)]) -> RowKeys {
        RowKeys::of(&Declaration {
            target_columns: TargetColumns::One,
            indicators: rows.iter().map(|(n, t)| row(n, t, "")).collect(),
            ..Declaration::default()
        })
    }

    #[test]
    fn the_most_repeated_rows_come_first_with_the_files_holding_them() {
        let files = [
            (
                "a",
                "甲局",
                declaration(&[("满意度", "≥90%"), ("场次", "12场")]),
            ),
            (
                "b",
                "乙局",
                declaration(&[("场次", "12场"), ("满意度", "≥90%")]),
            ),
            (
                "c",
                "丙局",
                declaration(&[("满意度", "≥90%"), ("满意度", "≥90%")]),
            ),
            ("d", "丁局", declaration(&[("人数", "30人"), ("独有", "1")])),
            ("e", "", declaration(&[("人数", "30人")])),
        ];
        let mut counts = RowCounts::default();
        for (_, name, keys) in &files {
            counts.add(Some(name), keys);
        }
        let members = || files.iter().map(|(f, _, k)| (*f, k));
        let most = counts.most(members(), 5);
        let satisfied = key_of("满意度", "≥90%");
        assert_eq!(most.len(), 3, "{most:?}");
        assert_eq!(most[0].key, satisfied);
        assert_eq!(
            (most[0].departments, most[0].files.clone()),
            (3, vec!["a", "b", "c"])
        );
        // Ties (two departments each) in the order of their first file,
        // and of its rows.
        assert_eq!(most[1].files, ["a", "b"]);
        assert_eq!(most[1].key, key_of("场次", "12场"));
        assert_eq!(most[2].files, ["d", "e"]);
        // The cut falls among ties: the first met are kept.
        let two = counts.most(members(), 2);
        assert_eq!(two.len(), 2);
        assert_eq!(two[1].files, ["a", "b"]);
        assert!(counts.most(members(), 0).is_empty());
        assert!(RowCounts::default().most(members(), 5).is_empty());
    }

    /// 10,000 files under one name, each with rows of its own, as a
    /// hostile folder might hold: still one department (sorting the
    /// department's rows again for every file, as this once did, grew
    /// with the square of the files).
    #[test]
    fn many_files_of_one_name_are_one_department() {
        let mut counts = RowCounts::default();
        for i in 0..10_000 {
            let keys = RowKeys((0..33).map(|r| RowKey(i * 64 + r)).collect());
            counts.add(Some("甲局"), &keys);
        }
        counts.add(Some("乙局"), &RowKeys(Arc::new([RowKey(5)])));
        let keys = RowKeys(Arc::new([RowKey(5)]));
        let most = counts.most([("b", &keys)].into_iter(), 5);
        assert_eq!((most.len(), most[0].departments), (1, 2));
        assert_eq!(counts.departments.len(), 330_000);
    }

    #[test]
    fn two_files_of_one_department_repeat_nobody() {
        let first = declaration(&[("满意度", "≥90%"), ("场次", "12场")]);
        let again = declaration(&[("满意度", "≥90%"), ("场次", "12场"), ("人数", "30人")]);
        let other = declaration(&[("人数", "30人")]);
        let mut counts = RowCounts::default();
        counts.add(Some("甲局"), &first);
        counts.add(Some(" 甲局 "), &again);
        let members = [("a", &first), ("a-v2", &again), ("b", &other)];
        assert!(counts.most(members.iter().copied(), 5).is_empty());
        counts.add(Some("乙局"), &other);
        let most = counts.most(members.iter().copied(), 5);
        assert_eq!(most.len(), 1, "{most:?}");
        assert_eq!(
            (most[0].departments, most[0].files.clone()),
            (2, vec!["a-v2", "b"])
        );
    }

    fn key_of(name: &str, target: &str) -> RowKey {
        RowKey::of(&row(name, target, ""), TargetColumns::One).unwrap()
    }

    #[test]
    fn a_key_finds_its_row_again() {
        let d = Declaration {
            target_columns: TargetColumns::One,
            indicators: vec![row("场次", "12场", ""), row("满意度", " ≥90% ", "")],
            ..Declaration::default()
        };
        let found = key_of("满意度", "≥90%").find(&d).unwrap();
        assert_eq!(found.annual_target.as_deref(), Some(" ≥90% "));
        assert_eq!(
            key_of("满意度", "≥90%").text_in(&d),
            Some(RowText {
                name: "满意度".into(),
                annual_target: Some("≥90%".into()),
                period_target: None,
            })
        );
        assert!(key_of("人数", "30人").find(&d).is_none());
        let text = |annual: &str, period: &str| RowText {
            name: "培训场次".into(),
            annual_target: (!annual.is_empty()).then(|| annual.into()),
            period_target: (!period.is_empty()).then(|| period.into()),
        };
        assert_eq!(text("≥12场", "≥40场").targets(), "≥12场 / ≥40场");
        assert_eq!(text("≥12场", "≥12场").targets(), "≥12场");
        assert_eq!(text("", "≥40场").targets(), "≥40场");
    }
}
