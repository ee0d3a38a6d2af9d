//! The copies of a batch: declarations XDUP-02 found alike, joined in
//! groups; indicator rows several departments wrote alike; vague targets
//! several wrote alike.

use super::{MOST_SHOWN, RepeatedRow};
use crate::rules::{RowCounts, RowKey, RowKeys, RowText};
use std::collections::{BTreeMap, BTreeSet};

/// A vague target of `file`, keyed by its normalised text.
pub(super) fn add_vague(
    vague: &mut BTreeMap<String, (String, BTreeSet<String>)>,
    target: &str,
    file: &str,
) {
    let key = crate::text::normalise(target).into_owned();
    let (_, files) = vague
        .entry(key)
        .or_insert_with(|| (target.trim().to_string(), BTreeSet::new()));
    files.insert(file.to_string());
}

/// Files joined by XDUP-02: a flag names the other departments by name
/// (or file, where the name is blank), so names are looked up once all
/// files are in.
#[derive(Default)]
pub(super) struct Alike {
    /// Every file, and the name it goes by.
    files: Vec<(String, Option<String>)>,
    /// Each flagged file with the names its flag gave.
    named: Vec<(String, Vec<String>)>,
}

impl Alike {
    pub(super) fn member(&mut self, file: &str, department: Option<&str>) {
        self.files
            .push((file.to_string(), department.map(str::to_string)));
    }

    pub(super) fn names(&mut self, file: &str, shown: &[String]) {
        self.named.push((file.to_string(), shown.to_vec()));
    }

    /// The groups, each in file order, largest first (ties by first file).
    pub(super) fn groups(self) -> Vec<Vec<String>> {
        if self.named.is_empty() {
            return Vec::new();
        }
        let index: BTreeMap<&str, usize> = self
            .files
            .iter()
            .enumerate()
            .map(|(i, (f, _))| (f.as_str(), i))
            .collect();
        let mut by_name: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, (file, name)) in self.files.iter().enumerate() {
            by_name
                .entry(name.as_deref().unwrap_or(file))
                .or_default()
                .push(i);
        }
        let mut parent: Vec<usize> = (0..self.files.len()).collect();
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while let Some(&p) = parent.get(i).filter(|&&p| p != i) {
                // Halving the path as it is walked.
                if let Some(&gp) = parent.get(p)
                    && let Some(slot) = parent.get_mut(i)
                {
                    *slot = gp;
                }
                i = p;
            }
            i
        }
        let mut joined = BTreeSet::new();
        for (file, shown) in &self.named {
            let Some(&a) = index.get(file.as_str()) else {
                continue;
            };
            joined.insert(a);
            for b in shown.iter().flat_map(|n| by_name.get(n.as_str())).flatten() {
                joined.insert(*b);
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, *b));
                if let Some(slot) = parent.get_mut(ra.max(rb)) {
                    *slot = ra.min(rb);
                }
            }
        }
        let mut groups: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for i in joined {
            let r = root(&mut parent, i);
            if let Some((file, _)) = self.files.get(i) {
                groups.entry(r).or_default().push(file.clone());
            }
        }
        let mut groups: Vec<Vec<String>> = groups.into_values().filter(|g| g.len() > 1).collect();
        groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
        groups.truncate(MOST_SHOWN);
        groups
    }
}

/// The rows held by most departments, each with what the first of its
/// files that still has it wrote (`text_of`: the file's declaration read
/// again, or unpacked). A row no file gives back any more (changed since
/// it was counted) is left out.
pub(super) fn repeated_rows<'a>(
    counts: &RowCounts,
    members: impl Iterator<Item = (&'a str, &'a RowKeys)>,
    mut text_of: impl FnMut(&str, RowKey) -> Option<RowText>,
) -> Vec<RepeatedRow> {
    counts
        .most(members, MOST_SHOWN)
        .into_iter()
        .filter_map(|r| {
            let row = r.files.iter().find_map(|file| text_of(file, r.key))?;
            Some(RepeatedRow {
                row,
                departments: r.departments,
                files: r.files.iter().map(|f| f.to_string()).collect(),
            })
        })
        .collect()
}
