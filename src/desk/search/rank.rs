//! How well a row matches what is typed, so the best row comes first and
//! Enter opens it. From best to worst:
//!
//! 1. the name holds the typed characters as one run (`司法`);
//! 2. its full pinyin holds them as one run from a syllable's start
//!    (`sifa`, `tianhe`);
//! 3. its initials hold them as one run (`sfj`), or its short name does
//!    (`rsj` for 人社局);
//! 4. the file name or the region field holds them as one run, or a run of
//!    the name lies only in its own region (`tianhe` in a folder of
//!    several districts);
//! 5. the typed letters appear in order in the name's characters or
//!    initials (each character's first reading), no more than twice as
//!    spread out as typed (`wsjk` in 卫生健康局's wsjkj); anything more
//!    scattered is no match.
//!
//! The region all the batch shares (`广州市天河区` in a district's folder)
//! counts for nothing: a run in it is not a match, so `gz` does not keep
//! every row. A pinyin run may not straddle a name's region and the
//! department after it with one character on either side (`sj` is not
//! 市|金平区). Within a tier, a match nearer the start of the department's
//! own name is better, then a shorter name.

use super::{Form, Kind, SearchKey};
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

/// Where a run of a form lies in the name: its first and last character.
#[derive(Debug, Clone, Copy)]
struct Span {
    first: usize,
    last: usize,
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
        // The characters of the name the batch's shared region takes.
        let skip = match &self.shared {
            Some(shared) if key.name().starts_with(shared.as_str()) => shared.chars().count(),
            _ => 0,
        };
        let judge = Judge {
            skip,
            own: usize::from(key.own_region).max(skip),
            length: key.name().chars().count(),
        };
        let forms = || key.forms.iter();
        let mut best: Option<Hit> = None;
        for form in forms() {
            keep_better(&mut best, judge.run(form, &query));
        }
        let elsewhere = [&key.file, &key.region]
            .into_iter()
            .filter(|t| self.shared.as_deref() != Some(t.as_str()))
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
            for form in forms().filter(|f| f.primary && f.kind != Kind::Full) {
                keep_better(&mut best, judge.scattered(&self.matcher, form, &query));
            }
        }
        best
    }
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

    /// The character of the name the `i`th character of `form` stands for.
    fn source(form: &Form, i: usize) -> usize {
        match form.source.get(i) {
            Some(&s) => usize::from(s),
            None => i,
        }
    }

    /// The best run of `query` in `form`, as a hit.
    fn run(&self, form: &Form, query: &str) -> Option<Hit> {
        let len = query.chars().count();
        let mut best: Option<Hit> = None;
        for (byte, _) in form.text.match_indices(query) {
            let start = form.text.get(..byte).map_or(0, |t| t.chars().count());
            let span = Span {
                first: Self::source(form, start),
                last: Self::source(form, start + len - 1),
            };
            let Some(tier) = self.tier(form, start, span) else {
                continue;
            };
            let mut chars: Vec<usize> = (start..start + len)
                .map(|i| Self::source(form, i))
                .collect();
            chars.dedup();
            let score = tier * TIER + self.quality(&chars);
            if best.as_ref().is_none_or(|b| score > b.score) {
                best = Some(Hit {
                    score,
                    name_chars: chars,
                });
            }
        }
        best
    }

    /// The tier of a run of `form` from its `start`th character, lying at
    /// `span` of the name; none where it does not count.
    fn tier(&self, form: &Form, start: usize, span: Span) -> Option<i64> {
        let pinyin = form.kind != Kind::Chinese;
        // All in the shared region, or (for letters) reaching into it.
        if span.last < self.skip || (pinyin && span.first < self.skip) {
            return None;
        }
        if pinyin {
            // A syllable's middle is no place to start (`anhe` in tianhe).
            let mid_syllable =
                start > 0 && Self::source(form, start - 1) == span.first && form.kind == Kind::Full;
            // 市|金: one character of the region and one of the name.
            let own = self.own;
            let straddles = span.first < own && own <= span.last;
            if mid_syllable || (straddles && (own - span.first < 2 || span.last + 1 - own < 2)) {
                return None;
            }
        }
        if span.last < self.own {
            return Some(ELSEWHERE);
        }
        Some(match form.kind {
            Kind::Chinese => CHINESE,
            Kind::Full => FULL,
            Kind::Initials => INITIALS,
        })
    }

    /// `query`'s characters in order in `form` past the shared region, no
    /// more than twice as spread out as typed.
    fn scattered(&self, matcher: &SkimMatcherV2, form: &Form, query: &str) -> Option<Hit> {
        // The form past the shared region: where its own characters begin.
        let (first_own, byte) = form
            .text
            .char_indices()
            .enumerate()
            .find(|(i, _)| Self::source(form, *i) >= self.skip)
            .map(|(i, (byte, _))| (i, byte))?;
        let own = form.text.get(byte..)?;
        let (_, at) = matcher.fuzzy_indices(own, query)?;
        let (&first, &last) = (at.first()?, at.last()?);
        if last - first + 1 > 2 * query.chars().count() {
            return None;
        }
        let mut chars: Vec<usize> = at
            .iter()
            .map(|&i| Self::source(form, first_own + i))
            .collect();
        chars.dedup();
        Some(Hit {
            score: SCATTERED * TIER + self.quality(&chars),
            name_chars: chars,
        })
    }
}
