//! The copies of a batch: declarations XDUP-02 found alike, joined in
//! groups; indicator rows several departments wrote alike; vague targets
//! several wrote alike.

use super::{MOST_SHOWN, RepeatedRow};
use crate::rules::{RowCounts, RowKey, RowKeys, RowText};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// Vague targets by their normalised text: as the first file wrote it,
/// and the files writing it (borrowed from the batch until named).
pub(super) type VagueTargets<'a> = BTreeMap<Cow<'a, str>, (&'a str, Vec<&'a str>)>;

/// A vague target of `file`, keyed by its normalised text. Files come in
/// file order, each file's flags together: a file is listed once by
/// looking at the last listed (a set of 8,000 files was a quarter of
/// counting 10,000 files).
pub(super) fn add_vague<'a>(vague: &mut VagueTargets<'a>, target: &'a str, file: &'a str) {
    let (_, files) = vague
        .entry(crate::text::normalise(target))
        .or_insert_with(|| (target.trim(), Vec::new()));
    if files.last() != Some(&file) {
        files.push(file);
    }
}

/// Files joined by XDUP-02: a flag names the other departments by name
/// (or file, where the name is blank), so names are looked up once all
/// files are in.
#[derive(Default)]
pub(super) struct Alike<'a> {
    /// Every file, and its department's name as given.
    files: Vec<(&'a str, &'a Option<String>)>,
    /// Each flagged file with the names its flag gave.
    named: Vec<(&'a str, &'a [String])>,
}

impl<'a> Alike<'a> {
    pub(super) fn member(&mut self, file: &'a str, department: &'a Option<String>) {
        self.files.push((file, department));
    }

    pub(super) fn names(&mut self, file: &'a str, shown: &'a [String]) {
        self.named.push((file, shown));
    }

    /// The groups, each in file order, largest first (ties by first file).
    pub(super) fn groups(&self) -> Vec<Vec<String>> {
        if self.named.is_empty() {
            return Vec::new();
        }
        let index: BTreeMap<&str, usize> = self
            .files
            .iter()
            .enumerate()
            .map(|(i, &(f, _))| (f, i))
            .collect();
        let mut by_name: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, &(file, name)) in self.files.iter().enumerate() {
            let name = crate::text::non_blank(name).unwrap_or(file);
            by_name.entry(name).or_default().push(i);
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
        for &(file, shown) in &self.named {
            let Some(&a) = index.get(file) else {
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
        let mut groups: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
        for i in joined {
            let r = root(&mut parent, i);
            if let Some(&(file, _)) = self.files.get(i) {
                groups.entry(r).or_default().push(file);
            }
        }
        let mut groups: Vec<Vec<&str>> = groups.into_values().filter(|g| g.len() > 1).collect();
        groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
        groups.truncate(MOST_SHOWN);
        let owned = |g: Vec<&str>| g.into_iter().map(str::to_string).collect();
        groups.into_iter().map(owned).collect()
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
