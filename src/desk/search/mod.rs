//! Finding a declaration by typing. A key holds the forms a department
//! name is typed in: its characters, its pinyin (full, `tianhe`, and
//! initials, `sfj` for 司法局) and its short name (`rsj` for 人社局,
//! [`short_names`]); [`rank`] orders the rows by how well they match.
//!
//! The pinyin crate's first reading is wrong for some common names (重庆,
//! 长沙, 银行), so every reading of a polyphonic character is indexed, up to
//! [`MAX_READINGS`] spellings per name.

#[cfg(test)]
mod quality_tests;
mod rank;
mod short_names;

pub use rank::{Hit, Searcher};
pub use short_names::SHORT_NAMES;

use pinyin::ToPinyinMulti;

/// At most this many pinyin spellings of one name are indexed.
pub const MAX_READINGS: usize = 16;

/// At most this many characters of each field are indexed. Department
/// names are a few dozen characters; a hostile file's 2-million-character
/// name must not cost the index minutes (spelling it is quadratic). Below
/// 256, so a character's place fits a byte.
pub const MAX_INDEXED_CHARS: usize = 200;

/// The first [`MAX_INDEXED_CHARS`] characters of `s`.
fn head(s: &str) -> &str {
    s.char_indices()
        .nth(MAX_INDEXED_CHARS)
        .map_or(s, |(end, _)| s.get(..end).unwrap_or(s))
}

/// How a form of the name is typed, which decides how well a run in it
/// matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The characters themselves (the name, or a short name).
    Chinese,
    /// Full pinyin, syllable after syllable.
    Full,
    /// One initial a character.
    Initials,
}

/// One form of the name, lowercased, and for each of its characters the
/// character of the name it stands for.
#[derive(Debug, Clone)]
struct Form {
    kind: Kind,
    /// Made of each character's first reading: rarer readings (市 as
    /// fu) find a run, but are not searched for scattered letters.
    primary: bool,
    text: String,
    source: Vec<u8>,
}

/// What a declaration can be found by. Texts are display forms, lowercased.
#[derive(Debug, Clone, Default)]
pub struct SearchKey {
    /// How many characters of the name are its own region (`广州市天河区`).
    own_region: u8,
    file: String,
    region: String,
    /// The name itself (lowercased) first, then its spellings and short names.
    forms: Vec<Form>,
    /// The name as it sorts: each character's pinyin with its tone.
    order: String,
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

/// A place in the name as a byte (below [`MAX_INDEXED_CHARS`]).
fn place(i: usize) -> u8 {
    u8::try_from(i).unwrap_or(u8::MAX)
}

/// Every spelling (full and initials) of `chars`, at most [`MAX_READINGS`]
/// of each, each character's place taken from `at`. Each spelling always
/// goes on with a character's first reading, so the cap never loses one;
/// other readings are added while there is room.
fn spellings(chars: &[char], at: &[usize]) -> Vec<Form> {
    let empty = |kind| Form {
        kind,
        primary: false,
        text: String::new(),
        source: Vec::new(),
    };
    let mut full = vec![empty(Kind::Full)];
    let mut initials = vec![empty(Kind::Initials)];
    for (&c, &i) in chars.iter().zip(at) {
        let options = readings(c);
        for set in [&mut full, &mut initials] {
            let initial_only = set.first().is_some_and(|f| f.kind == Kind::Initials);
            let mut pieces: Vec<String> = Vec::new();
            for r in &options {
                let piece: String = match initial_only {
                    true => r.chars().take(1).collect(),
                    false => r.clone(),
                };
                if !pieces.contains(&piece) {
                    pieces.push(piece);
                }
            }
            let extend = |s: &Form, piece: &str| {
                let mut t = s.clone();
                t.text.push_str(piece);
                t.source
                    .extend(std::iter::repeat_n(place(i), piece.chars().count()));
                t
            };
            let Some((first, others)) = pieces.split_first() else {
                continue;
            };
            let mut next: Vec<Form> = set.iter().map(|s| extend(s, first)).collect();
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
    // The first of each set went on with first readings all the way.
    for set in [&mut full, &mut initials] {
        if let Some(first) = set.first_mut() {
            first.primary = true;
        }
    }
    let mut all: Vec<Form> = full.into_iter().chain(initials).collect();
    // Names without polyphonic characters spell the same way every time.
    all.sort_by(|a, b| a.text.cmp(&b.text));
    all.dedup_by(|a, b| {
        let same = a.text == b.text;
        if same {
            b.primary |= a.primary;
        }
        same
    });
    all
}

impl SearchKey {
    pub fn new(name: &str, file: &str, region: &str) -> SearchKey {
        let (name, file, region) = (head(name), head(file), head(region));
        let lower = name.to_lowercase();
        let chars: Vec<char> = lower.chars().collect();
        let every: Vec<usize> = (0..chars.len()).collect();
        let itself = Form {
            kind: Kind::Chinese,
            primary: true,
            text: lower.clone(),
            source: Vec::new(),
        };
        let mut forms = vec![itself];
        forms.extend(spellings(&chars, &every));
        for (short, at) in short_names::short_names(&chars) {
            forms.push(Form {
                kind: Kind::Chinese,
                primary: true,
                text: short.iter().collect(),
                source: at.iter().map(|&i| place(i)).collect(),
            });
            forms.extend(spellings(&short, &at));
        }
        let own_region =
            crate::load::workbook::region_of(name).map_or(0, |r| place(r.chars().count()));
        SearchKey {
            own_region,
            file: file.to_lowercase(),
            region: region.to_lowercase(),
            forms,
            order: name_order(name),
        }
    }

    /// The name, lowercased, as indexed.
    fn name(&self) -> &str {
        self.forms.first().map_or("", |f| f.text.as_str())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(name: &str, query: &str) -> Option<Hit> {
        Searcher::default().hit(&SearchKey::new(name, "x.json", "广州市天河区"), query)
    }

    fn every(name: &str) -> Vec<usize> {
        (0..name.chars().count()).collect()
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
        let chars: Vec<char> = name.chars().collect();
        assert!(spellings(&chars, &every(&name)).len() <= 2 * MAX_READINGS);
        assert!(hit(&name, "hhh").is_some());
    }

    #[test]
    fn a_hostile_name_is_indexed_only_in_its_first_characters() {
        // Issue 8: a 160,000-character name took 64 s to index.
        let name = format!("{}司法局", "重行长".repeat(800_000));
        let key = SearchKey::new(&name, "x.json", &name);
        assert!(key.name().chars().count() <= MAX_INDEXED_CHARS);
        assert!(key.region.chars().count() <= MAX_INDEXED_CHARS);
        assert!(
            key.forms
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
