//! Finding a declaration by typing: fuzzy over the department name, file
//! name and region, and over the name's pinyin, full (`tianhe`) and
//! initials (`sfj` for 司法局).
//!
//! The pinyin crate's first reading is wrong for some common names (重庆,
//! 长沙, 银行), so every reading of a polyphonic character is indexed, up to
//! [`MAX_READINGS`] spellings per name.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use pinyin::ToPinyinMulti;

/// At most this many pinyin spellings of one name are indexed.
pub const MAX_READINGS: usize = 16;

/// At most this many characters of each field are indexed. Department
/// names are a few dozen characters; a hostile file's 2-million-character
/// name must not cost the index minutes (spelling it is quadratic).
pub const MAX_INDEXED_CHARS: usize = 200;

/// The first [`MAX_INDEXED_CHARS`] characters of `s`.
fn head(s: &str) -> &str {
    s.char_indices()
        .nth(MAX_INDEXED_CHARS)
        .map_or(s, |(end, _)| &s[..end])
}

/// One pinyin spelling of a name, and for each of its characters the
/// character of the name it came from.
#[derive(Debug, Clone)]
struct Spelling {
    text: String,
    source: Vec<usize>,
}

/// What a declaration can be found by. Texts are display forms, lowercased.
#[derive(Debug, Clone, Default)]
pub struct SearchKey {
    name: String,
    file: String,
    region: String,
    spellings: Vec<Spelling>,
    /// The name as it sorts: each character's pinyin with its tone.
    order: String,
}

/// A match: its score, and which characters of the department name to
/// highlight (empty when the match was in the file name or region).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub score: i64,
    pub name_chars: Vec<usize>,
}

/// The readings of one character: lowercase pinyin without tones, or the
/// character itself when it is not Chinese.
fn readings(c: char) -> Vec<String> {
    match c.to_pinyin_multi() {
        Some(multi) => {
            let mut v: Vec<String> = multi.into_iter().map(|p| p.plain().to_string()).collect();
            v.dedup();
            v
        }
        None => vec![c.to_lowercase().collect()],
    }
}

/// Every spelling (full and initials) of `name`, at most [`MAX_READINGS`] of
/// each. Each spelling always goes on with a character's first reading, so
/// the cap never loses one; other readings are added while there is room.
fn spellings(name: &str) -> Vec<Spelling> {
    let empty = Spelling {
        text: String::new(),
        source: Vec::new(),
    };
    let mut full = vec![empty.clone()];
    let mut initials = vec![empty];
    for (i, c) in name.chars().enumerate() {
        let options = readings(c);
        for (set, initial_only) in [(&mut full, false), (&mut initials, true)] {
            let mut pieces: Vec<String> = Vec::new();
            for r in &options {
                let piece: String = if initial_only {
                    r.chars().take(1).collect()
                } else {
                    r.clone()
                };
                if !pieces.contains(&piece) {
                    pieces.push(piece);
                }
            }
            let extend = |s: &Spelling, piece: &str| {
                let mut t = s.clone();
                t.text.push_str(piece);
                t.source
                    .extend(std::iter::repeat_n(i, piece.chars().count()));
                t
            };
            let Some((first, others)) = pieces.split_first() else {
                continue;
            };
            let mut next: Vec<Spelling> = set.iter().map(|s| extend(s, first)).collect();
            for s in set.iter() {
                for piece in others {
                    if next.len() < MAX_READINGS {
                        next.push(extend(s, piece));
                    }
                }
            }
            *set = next;
        }
    }
    let mut all: Vec<Spelling> = full.into_iter().chain(initials).collect();
    // Names without polyphonic characters spell the same way every time.
    all.sort_by(|a, b| a.text.cmp(&b.text));
    all.dedup_by(|a, b| a.text == b.text);
    all
}

/// Could `query` match `text` at all? Every query character must appear,
/// in order. Much cheaper than scoring, so it runs first.
fn may_match(text: &str, query: &str) -> bool {
    let mut rest = text.chars();
    query.chars().all(|q| rest.any(|c| c == q))
}

impl SearchKey {
    pub fn new(name: &str, file: &str, region: &str) -> SearchKey {
        let (name, file, region) = (head(name), head(file), head(region));
        SearchKey {
            name: name.to_lowercase(),
            file: file.to_lowercase(),
            region: region.to_lowercase(),
            spellings: spellings(name),
            order: name_order(name),
        }
    }

    /// The department name's place in pinyin order (how Chinese lists
    /// and Excel sort): compare these.
    pub fn name_order(&self) -> &str {
        &self.order
    }
}

/// Each character's first reading with its tone number (`guang3 zhou1`),
/// other characters as themselves, lowercased; a space after each, so a
/// shorter syllable sorts before a longer one that starts the same
/// (`an` before `ang`). A blank name sorts last.
fn name_order(name: &str) -> String {
    use pinyin::ToPinyin;
    let name = name.trim();
    if name.is_empty() {
        return char::MAX.to_string();
    }
    let mut out = String::new();
    for c in name.chars() {
        match c.to_pinyin() {
            Some(p) => out.push_str(p.with_tone_num_end()),
            None => out.extend(c.to_lowercase()),
        }
        out.push(' ');
    }
    out
}

/// Scores keys against a query; keeps the matcher's state between calls.
pub struct Searcher {
    matcher: SkimMatcherV2,
}

impl Clone for Searcher {
    /// The matcher keeps no state a search depends on: a fresh one scores alike.
    fn clone(&self) -> Self {
        Searcher::default()
    }
}

impl Default for Searcher {
    fn default() -> Self {
        Searcher {
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }
}

impl Searcher {
    /// The best match of `query` in `key`, if any.
    pub fn hit(&self, key: &SearchKey, query: &str) -> Option<Hit> {
        let query = query.trim().to_lowercase();
        if query.is_empty() {
            return Some(Hit {
                score: 0,
                name_chars: Vec::new(),
            });
        }
        // The best match in the name (or its pinyin) gives the highlight;
        // the file name or region may still score higher.
        let mut best_name: Option<Hit> = None;
        let mut consider = |hit: Hit| {
            if best_name.as_ref().is_none_or(|b| hit.score > b.score) {
                best_name = Some(hit);
            }
        };
        if may_match(&key.name, &query)
            && let Some((score, idx)) = self.matcher.fuzzy_indices(&key.name, &query)
        {
            consider(Hit {
                score,
                name_chars: idx,
            });
        }
        for s in key.spellings.iter().filter(|s| may_match(&s.text, &query)) {
            if let Some((score, idx)) = self.matcher.fuzzy_indices(&s.text, &query) {
                let mut chars: Vec<usize> = idx
                    .iter()
                    .filter_map(|&i| s.source.get(i).copied())
                    .collect();
                chars.dedup();
                consider(Hit {
                    score,
                    name_chars: chars,
                });
            }
        }
        let other = [&key.file, &key.region]
            .into_iter()
            .filter(|t| may_match(t, &query))
            .filter_map(|t| self.matcher.fuzzy_match(t, &query))
            .max();
        match (best_name, other) {
            (Some(hit), Some(o)) => Some(Hit {
                score: hit.score.max(o),
                ..hit
            }),
            (Some(hit), None) => Some(hit),
            (None, Some(score)) => Some(Hit {
                score,
                name_chars: Vec::new(),
            }),
            (None, None) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(name: &str, query: &str) -> Option<Hit> {
        Searcher::default().hit(&SearchKey::new(name, "x.json", "广州市天河区"), query)
    }

    #[test]
    fn names_sort_by_pinyin_as_excel_sorts_them() {
        let mut names = vec![
            "卫生健康局",
            "档案馆",
            "安全局",
            "昂扬办",
            "审计局",
            "",
            "财政局",
        ];
        names.sort_by_key(|n| name_order(n));
        assert_eq!(
            names,
            vec![
                "安全局",
                "昂扬办",
                "财政局",
                "档案馆",
                "审计局",
                "卫生健康局",
                ""
            ]
        );
    }

    #[test]
    fn initials_find_the_justice_bureau_and_highlight_its_characters() {
        let h = hit("广州市天河区司法局", "sfj").expect("sfj finds 司法局");
        assert_eq!(h.name_chars, vec![6, 7, 8]);
    }

    #[test]
    fn full_pinyin_and_chinese_both_match() {
        assert_eq!(
            hit("广州市天河区司法局", "tianhe").map(|h| h.name_chars),
            Some(vec![3, 4])
        );
        assert_eq!(
            hit("广州市天河区司法局", "司法").map(|h| h.name_chars),
            Some(vec![6, 7])
        );
        assert!(hit("广州市天河区司法局", "jiaoyu").is_none());
    }

    #[test]
    fn every_reading_of_a_polyphonic_character_is_indexed() {
        // The first reading of 重 is zhong, of 长 zhang, of 行 xing.
        assert!(hit("重庆市驻穗办", "chongqing").is_some());
        assert!(hit("长沙市商务局", "changsha").is_some());
        assert!(hit("人民银行云溪支行", "yinhang").is_some());
    }

    #[test]
    fn readings_are_capped() {
        // Eighteen polyphonic characters in a row would be 2^18 spellings.
        let name = "行".repeat(18);
        assert!(spellings(&name).len() <= 2 * MAX_READINGS);
        assert!(hit(&name, "hhh").is_some());
    }

    #[test]
    fn a_hostile_name_is_indexed_only_in_its_first_characters() {
        // Issue 8: a 160,000-character name took 64 s to index.
        let name = format!("{}司法局", "重行长".repeat(800_000));
        let key = SearchKey::new(&name, "x.json", &name);
        assert!(key.name.chars().count() <= MAX_INDEXED_CHARS);
        assert!(key.region.chars().count() <= MAX_INDEXED_CHARS);
        assert!(
            key.spellings
                .iter()
                .all(|s| s.text.len() <= 6 * MAX_INDEXED_CHARS)
        );
        assert!(Searcher::default().hit(&key, "chongxing").is_some());
    }

    #[test]
    fn file_name_and_region_match_without_highlighting_the_name() {
        let key = SearchKey::new("广州市云溪区教育局", "yx-jyj.json", "广州市云溪区");
        let h = Searcher::default().hit(&key, "yx-jyj").unwrap();
        assert!(h.name_chars.is_empty());
    }
}
