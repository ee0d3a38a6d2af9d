//! Finding a declaration by typing. A key holds the name as typed in
//! characters, the initials of its first readings, its short name
//! (`rsj` for 人社局, [`SHORT_NAMES`]), its file name and region; pinyin
//! is read from the characters as a query is matched (every reading of a
//! polyphonic character: the pinyin crate's first reading is wrong for
//! 重庆, 长沙, 银行), so a key stays small. [`rank`] orders the rows by how
//! well they match.

#[cfg(test)]
mod quality_tests;
mod rank;
mod short_names;

pub use rank::{Hit, Searcher};
pub use short_names::SHORT_NAMES;

use pinyin::{ToPinyin, ToPinyinMulti};

/// At most this many characters of each field are indexed. Department
/// names are a few dozen characters; a hostile file's 2-million-character
/// name must not cost the search its speed. Below 256, so a character's
/// place fits a byte.
pub const MAX_INDEXED_CHARS: usize = 200;

/// The first [`MAX_INDEXED_CHARS`] characters of `s`.
fn head(s: &str) -> &str {
    s.char_indices()
        .nth(MAX_INDEXED_CHARS)
        .map_or(s, |(end, _)| s.get(..end).unwrap_or(s))
}

/// A short name a department goes by, and for each of its characters the
/// character of the name it stands for.
#[derive(Debug, Clone)]
struct Short {
    chars: Box<[char]>,
    at: Box<[u8]>,
}

/// What a declaration can be found by. Texts are display forms, lowercased.
#[derive(Debug, Clone, Default)]
pub struct SearchKey {
    /// The name's characters, lowercased.
    name: Box<[char]>,
    /// How many characters of the name are its own region (`广州市天河区`).
    own_region: u8,
    /// Each character's first reading's initial (the character itself
    /// when it is not Chinese): where scattered letters are looked for.
    initials: Box<str>,
    shorts: Vec<Short>,
    file: Box<str>,
    region: Box<str>,
    /// The name as it sorts: each character's pinyin with its tone.
    order: Box<str>,
}

/// The readings of a Chinese character, lowercase pinyin without tones;
/// none for any other character.
fn readings(c: char) -> impl Iterator<Item = &'static str> {
    c.to_pinyin_multi()
        .into_iter()
        .flat_map(|multi| multi.into_iter().map(|p| p.plain()))
}

/// The initial of a character's first reading, or the character itself.
fn first_initial(c: char) -> char {
    c.to_pinyin()
        .and_then(|p| p.plain().chars().next())
        .unwrap_or(c)
}

/// A place in the name as a byte (below [`MAX_INDEXED_CHARS`]).
fn place(i: usize) -> u8 {
    u8::try_from(i).unwrap_or(u8::MAX)
}

impl SearchKey {
    pub fn new(name: &str, file: &str, region: &str) -> SearchKey {
        let (name, file, region) = (head(name), head(file), head(region));
        // One character for one: a letter whose lowercase is two (İ) keeps
        // its first, so places in the name stay places on screen.
        let chars: Box<[char]> = name
            .chars()
            .map(|c| c.to_lowercase().next().unwrap_or(c))
            .collect();
        let shorts = short_names::short_names(&chars)
            .into_iter()
            .map(|(short, at)| Short {
                chars: short.into(),
                at: at.into_iter().map(place).collect(),
            })
            .collect();
        let own_region =
            crate::load::workbook::region_of(name).map_or(0, |r| place(r.chars().count()));
        SearchKey {
            initials: chars.iter().map(|&c| first_initial(c)).collect(),
            name: chars,
            own_region,
            shorts,
            file: file.to_lowercase().into(),
            region: region.to_lowercase().into(),
            order: name_order(name).into(),
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
    fn many_polyphonic_characters_in_a_row_cost_nothing_to_index() {
        // Eighteen polyphonic characters would be 2^18 spellings to list;
        // readings are looked up while matching instead.
        let name = "行".repeat(18);
        let key = SearchKey::new(&name, "x.json", "");
        assert_eq!(key.initials.chars().count(), 18);
        assert!(hit(&name, "hhh").is_some());
        assert!(hit(&name, "xinghangxing").is_some());
    }

    #[test]
    fn a_hostile_name_is_indexed_only_in_its_first_characters() {
        // Issue 8: a 160,000-character name took 64 s to index.
        let name = format!("{}司法局", "重行长".repeat(800_000));
        let key = SearchKey::new(&name, "x.json", &name);
        assert!(key.name.len() <= MAX_INDEXED_CHARS);
        assert!(key.region.chars().count() <= MAX_INDEXED_CHARS);
        assert!(Searcher::default().hit(&key, "chongxing").is_some());
    }

    #[test]
    fn file_name_and_region_match_without_highlighting_the_name() {
        let key = SearchKey::new("广州市云溪区教育局", "yx-jyj.json", "广州市云溪区");
        let h = Searcher::default().hit(&key, "yx-jyj").unwrap();
        assert!(h.name_chars.is_empty());
    }
}
