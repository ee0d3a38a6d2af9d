//! How well a row matches what is typed, so the best row comes first and
//! Enter opens it. From best to worst:
//!
//! 1. the name holds the typed characters as one run (`司法`);
//! 2. its pinyin holds them as one run from a syllable's start, syllable
//!    after syllable, the last one perhaps begun (`sifa`, `tianhe`, `sifaj`);
//! 3. its initials hold them as one run (`sfj`), or its short name does
//!    (`rsj` for 人社局) — initials by a rarer reading (信 as shen, so
//!    信访局 as sfj) rank with 4;
//! 4. the file name or the region field holds them as one run, or a run of
//!    the name lies only in its own region (`tianhe` in a folder of
//!    several districts);
//! 5. the typed letters appear in order in the name's characters or the
//!    initials of their first readings, no more than twice as spread out
//!    as typed (`wsjk` in 卫生健康局); anything more scattered is no match.
//!
//! Every reading of a character counts in 2 and 3 (`chongqing` finds 重庆).
//! The region all the batch shares (`广州市天河区` in a district's folder)
//! counts for nothing: a run in it is not a match, so `gz` does not keep
//! every row. A pinyin run may not straddle a name's region and the
//! department after it with one character on either side (`sj` is not
//! 市|金沙街道). Within a tier, a match nearer the start of the department's
//! own name is better, then one covering more of it; file and region
//! matches are all alike, and rows that match alike keep the reviewer's
//! sort.

use super::{SearchKey, readings};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// A match: its score, and which characters of the department name to
/// highlight (empty when the match was in the file name or region).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub score: i64,
    pub name_chars: Vec<usize>,
}

/// Scores keys against a query.
#[derive(Default)]
pub struct Searcher {
    /// The region the batch's names share, lowercased.
    shared: Option<String>,
    /// Finds scattered letters (skim's algorithm, as fzf's).
    matcher: SkimMatcherV2,
}

impl Clone for Searcher {
    /// The matcher keeps no state a search depends on: a fresh one scores alike.
    fn clone(&self) -> Self {
        Searcher {
            shared: self.shared.clone(),
            matcher: SkimMatcherV2::default(),
        }
    }
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searcher")
            .field("shared", &self.shared)
            .finish()
    }
}

/// The tiers, best last (a score is `tier × TIER + quality`).
const CHINESE: i64 = 5;
const FULL: i64 = 4;
const INITIALS: i64 = 3;
const ELSEWHERE: i64 = 2;
const SCATTERED: i64 = 1;
const TIER: i64 = 1_000_000;

/// How a run was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Typed {
    Chinese,
    Full,
    Initials,
}

impl Searcher {
    /// The region the batch shares (`names.region`), or none.
    pub fn set_shared_region(&mut self, region: Option<&str>) {
        self.shared = region
            .map(|r| r.trim().to_lowercase())
            .filter(|r| !r.is_empty());
    }

    /// The best match of `query` in `key`, if any.
    pub fn hit(&self, key: &SearchKey, query: &str) -> Option<Hit> {
        let query = query.trim().to_lowercase();
        if query.is_empty() {
            return Some(Hit {
                score: 0,
                name_chars: Vec::new(),
            });
        }
        let q: Vec<char> = query.chars().collect();
        // The characters of the name the batch's shared region takes.
        let skip = match &self.shared {
            Some(shared) if starts_with(&key.name, shared) => shared.chars().count(),
            _ => 0,
        };
        let judge = Judge {
            skip,
            own: usize::from(key.own_region).max(skip),
            length: key.name.len(),
        };
        let mut best: Option<Hit> = None;
        // The name, then each short name with where its characters stand.
        let identity: Vec<u8> = Vec::new();
        let forms = std::iter::once((&key.name[..], &identity[..]))
            .chain(key.shorts.iter().map(|s| (&s.chars[..], &s.at[..])));
        for (chars, at) in forms {
            let place = |i: usize| at.get(i).map_or(i, |&p| usize::from(p));
            for start in 0..chars.len() {
                let (initials, rare) = match initials_at(chars, start, &q) {
                    Some((end, rare)) => (Some(end), rare),
                    None => (None, false),
                };
                let runs = [
                    (Typed::Chinese, chinese_at(chars, start, &q)),
                    (Typed::Full, full_from(chars, start, &q)),
                    (Typed::Initials, initials),
                ];
                for (typed, end) in runs {
                    let Some(end) = end else { continue };
                    let mut name_chars: Vec<usize> = (start..end).map(place).collect();
                    name_chars.dedup();
                    if let Some(tier) = judge.tier(typed, &name_chars) {
                        // Initials of a rarer reading (信 as shen: sfj in
                        // 信访局) rank with the file name, below every
                        // name that has them by its usual readings.
                        let tier = match typed == Typed::Initials && rare {
                            true => tier.min(ELSEWHERE),
                            false => tier,
                        };
                        let score = tier * TIER + judge.quality(&name_chars);
                        keep_better(&mut best, Some(Hit { score, name_chars }));
                    }
                }
            }
        }
        let elsewhere = [&key.file, &key.region]
            .into_iter()
            .filter(|t| self.shared.as_deref() != Some(&***t))
            .any(|t| t.contains(query.as_str()));
        if elsewhere {
            // Alike for every row it keeps: those keep the reviewer's sort.
            let hit = Hit {
                score: ELSEWHERE * TIER,
                name_chars: Vec::new(),
            };
            keep_better(&mut best, Some(hit));
        }
        if best.is_none() {
            let name: String = key.name.iter().collect();
            for text in [name.as_str(), &key.initials] {
                keep_better(&mut best, judge.scattered(&self.matcher, text, &query));
            }
        }
        best
    }
}

/// Does `name` begin with `prefix`?
fn starts_with(name: &[char], prefix: &str) -> bool {
    let mut chars = name.iter();
    prefix.chars().all(|p| chars.next() == Some(&p))
}

/// `query` as the characters of `chars` from `start`: where the run ends.
fn chinese_at(chars: &[char], start: usize, query: &[char]) -> Option<usize> {
    let end = start + query.len();
    (chars.get(start..end)? == query).then_some(end)
}

/// `query` as the pinyin of `chars` from `start`, syllable after
/// syllable, the last perhaps only begun; a character that is not Chinese
/// stands for itself. Where the run ends.
fn full_from(chars: &[char], start: usize, query: &[char]) -> Option<usize> {
    if query.is_empty() {
        return Some(start);
    }
    let &c = chars.get(start)?;
    let mut any = false;
    for r in readings(c) {
        any = true;
        let syllable: Vec<char> = r.chars().collect();
        if query.len() <= syllable.len() {
            if syllable.starts_with(query) {
                return Some(start + 1);
            }
        } else if query.starts_with(&syllable)
            && let Some(end) = full_from(chars, start + 1, &query[syllable.len()..])
        {
            return Some(end);
        }
    }
    match (any, query.split_first()) {
        (false, Some((first, rest))) if *first == c => full_from(chars, start + 1, rest),
        _ => None,
    }
}

/// `query` as the initials of `chars` from `start` (any reading's), a
/// character that is not Chinese standing for itself. Where the run ends,
/// and whether it took a reading other than a character's first.
fn initials_at(chars: &[char], start: usize, query: &[char]) -> Option<(usize, bool)> {
    let mut rare = false;
    for (k, q) in query.iter().enumerate() {
        let &c = chars.get(start + k)?;
        let mut found = None;
        let mut any = false;
        for (n, r) in readings(c).enumerate() {
            any = true;
            if r.starts_with(*q) {
                found = Some(n);
                break;
            }
        }
        match found {
            Some(n) => rare |= n > 0,
            None if any || c != *q => return None,
            None => {}
        }
    }
    Some((start + query.len(), rare))
}

/// `best` becomes `hit` where that scores higher.
fn keep_better(best: &mut Option<Hit>, hit: Option<Hit>) {
    if let Some(hit) = hit
        && best.as_ref().is_none_or(|b| hit.score > b.score)
    {
        *best = Some(hit);
    }
}

/// One key judged against the batch.
struct Judge {
    /// Characters of the region the batch shares.
    skip: usize,
    /// Where the department's own name begins (after its region).
    own: usize,
    /// The name's length in characters.
    length: usize,
}

impl Judge {
    /// Better the nearer the start of the department's own name, then
    /// the more of that name the match covers (`sj` is most of 审计局, a
    /// little of 石井街道办事处).
    fn quality(&self, chars: &[usize]) -> i64 {
        let first = chars.first().copied().unwrap_or(0);
        let from_start = first.saturating_sub(self.own).min(999) as i64;
        let own_length = self.length.saturating_sub(self.own).max(1);
        let covered = chars.iter().filter(|&&c| c >= self.own).count();
        let share = (covered * 999 / own_length).min(999) as i64;
        (999 - from_start) * 1000 + share
    }

    /// The tier of a run over `chars` of the name (in order); none where it
    /// does not count.
    fn tier(&self, typed: Typed, chars: &[usize]) -> Option<i64> {
        let (&first, &last) = (chars.first()?, chars.last()?);
        let pinyin = typed != Typed::Chinese;
        // All in the shared region, or (for letters) reaching into it.
        if last < self.skip || (pinyin && first < self.skip) {
            return None;
        }
        // 市|金: one character of the region and one of the name.
        let own = self.own;
        let straddles = first < own && own <= last;
        if pinyin && straddles && (own - first < 2 || last + 1 - own < 2) {
            return None;
        }
        if last < own {
            return Some(ELSEWHERE);
        }
        Some(match typed {
            Typed::Chinese => CHINESE,
            Typed::Full => FULL,
            Typed::Initials => INITIALS,
        })
    }

    /// `query`'s characters in order in `text` (the name, or its first
    /// initials: one character for each of the name's) past the shared
    /// region, no more than twice as spread out as typed.
    fn scattered(&self, matcher: &SkimMatcherV2, text: &str, query: &str) -> Option<Hit> {
        let byte = text
            .char_indices()
            .nth(self.skip)
            .map_or(text.len(), |(b, _)| b);
        let own = text.get(byte..)?;
        let (_, at) = matcher.fuzzy_indices(own, query)?;
        let (&first, &last) = (at.first()?, at.last()?);
        if last - first + 1 > 2 * query.chars().count() {
            return None;
        }
        let chars: Vec<usize> = at.iter().map(|&i| self.skip + i).collect();
        Some(Hit {
            score: SCATTERED * TIER + self.quality(&chars),
            name_chars: chars,
        })
    }
}
