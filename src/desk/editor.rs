//! The comment editor: a multi-line text with a caret, laid out by display
//! width so a Chinese character is two cells and the caret never sits in
//! the middle of one. Pure state; the terminal layer puts its real cursor
//! where [`Editor::layout`] says the caret is, so an IME's candidate
//! window opens there.

use crate::i18n::{Phrase, commands as words};
use crate::review::draft::{Draft, Target};
use unicode_segmentation::UnicodeSegmentation;

/// A key that edits text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditKey {
    Char(char),
    /// A bracketed paste, one event however long.
    Paste(String),
    Newline,
    Backspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
    /// Start and end of the visual line.
    Home,
    End,
}

impl EditKey {
    /// What the key does, for the key bar and the help screen.
    pub fn label(&self) -> Phrase {
        match self {
            EditKey::Char(_) => words::TYPE,
            EditKey::Paste(_) => words::PASTE,
            EditKey::Newline => words::NEWLINE,
            EditKey::Backspace => words::DELETE_BACK,
            EditKey::Delete => words::DELETE_FORWARD,
            EditKey::Left | EditKey::Right | EditKey::Up | EditKey::Down => words::MOVE_CARET,
            EditKey::Home => words::LINE_START,
            EditKey::End => words::LINE_END,
        }
    }
}

/// A comment being written or edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    /// The declaration file (relative to the folder).
    pub file: String,
    pub target: Target,
    pub text: String,
    /// Byte index into `text`, always on a character boundary.
    pub caret: usize,
    /// The text when the editor opened (an edit's old text, a restored
    /// draft): leaving with this text loses nothing.
    pub original: String,
    /// When a restored draft was last kept (it came back after a crash).
    pub restored: Option<String>,
    /// SHA-256 of the file as the desk had read it when the editor opened:
    /// the version the words are about.
    pub seen: Option<String>,
    /// The name a restored draft was being written under, when it is not
    /// the desk's: the words are saved under it, and the title says so.
    pub signer: Option<String>,
}

/// The editor's text as rows of a given width, and where the caret is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub rows: Vec<String>,
    /// (row, column in cells)
    pub caret: (usize, usize),
}

/// Where a caret position (before a character, or the end) is drawn.
#[derive(Debug, Clone, Copy)]
struct Spot {
    byte: usize,
    row: usize,
    col: usize,
}

impl Editor {
    /// An editor holding `text`: an earlier comment from a shared journal or
    /// a draft from disk, so it is made safe as if pasted (the editor draws
    /// its text as it is).
    pub fn new(file: String, target: Target, text: String) -> Editor {
        let text = crate::sanitize::typed(&text);
        Editor {
            file,
            target,
            caret: text.len(),
            original: text.clone(),
            text,
            restored: None,
            seen: None,
            signer: None,
        }
    }

    /// The editor, about the version of the file whose SHA-256 is `seen`.
    pub fn about(mut self, seen: Option<String>) -> Editor {
        self.seen = seen;
        self
    }

    /// Reopens a draft left by a crash or a dropped connection. It has not
    /// been saved as a comment, so it counts as changed.
    pub fn restored(draft: Draft) -> Editor {
        let mut e = Editor::new(draft.file, draft.target, draft.text).about(draft.seen);
        e.original = String::new();
        e.restored = Some(draft.at);
        e.signer = draft.reviewer.filter(|r| !r.trim().is_empty());
        e
    }

    /// Would closing now lose words the reviewer typed?
    pub fn changed(&self) -> bool {
        self.text != self.original && !self.text.trim().is_empty()
    }

    /// Applies one key; `cells` is the width the text is laid out in.
    pub fn apply(&mut self, key: EditKey, cells: usize) {
        match key {
            // An input method sends an emoji sequence a character at a
            // time: its joiner is kept when it follows a picture.
            EditKey::Char('\u{200d}')
                if crate::sanitize::ends_in_emoji(&self.text[..self.caret]) =>
            {
                self.insert("\u{200d}")
            }
            EditKey::Char(c) => self.insert(&crate::sanitize::typed(c.encode_utf8(&mut [0; 4]))),
            EditKey::Paste(text) => self.insert(&crate::sanitize::typed(&text)),
            EditKey::Newline => self.insert("\n"),
            // The caret moves, and deletes, by grapheme cluster: 👨‍👩‍👧 or
            // a letter with its accents is one step, never split.
            EditKey::Backspace => {
                let start = self.previous_boundary();
                self.text.replace_range(start..self.caret, "");
                self.caret = start;
            }
            EditKey::Delete => {
                let end = self.next_boundary();
                self.text.replace_range(self.caret..end, "");
            }
            EditKey::Left => self.caret = self.previous_boundary(),
            EditKey::Right => self.caret = self.next_boundary(),
            EditKey::Up | EditKey::Down | EditKey::Home | EditKey::End => {
                self.caret = self.moved(&key, cells);
            }
        }
    }

    fn previous_boundary(&self) -> usize {
        self.text[..self.caret]
            .grapheme_indices(true)
            .next_back()
            .map_or(self.caret, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.caret..]
            .graphemes(true)
            .next()
            .map_or(self.caret, |g| self.caret + g.len())
    }

    fn insert(&mut self, s: &str) {
        self.text.insert_str(self.caret, s);
        self.caret += s.len();
    }

    /// The caret after a vertical or line-end move.
    fn moved(&self, key: &EditKey, cells: usize) -> usize {
        let spots = self.spots(cells);
        let Some(here) = spots.iter().find(|s| s.byte == self.caret).copied() else {
            return self.caret;
        };
        let row = match key {
            EditKey::Up if here.row > 0 => here.row - 1,
            EditKey::Down => here.row + 1,
            EditKey::Home | EditKey::End => here.row,
            _ => return self.caret,
        };
        let on_row = spots.iter().filter(|s| s.row == row);
        let best = match key {
            EditKey::Home => on_row.min_by_key(|s| s.col),
            EditKey::End => on_row.max_by_key(|s| s.col),
            // The nearest column at or left of the caret's.
            _ => on_row.filter(|s| s.col <= here.col).max_by_key(|s| s.col),
        };
        best.map_or(self.caret, |s| s.byte)
    }

    /// Every caret position: before each grapheme cluster, and the end.
    fn spots(&self, cells: usize) -> Vec<Spot> {
        let cells = cells.max(2);
        let mut out = Vec::with_capacity(self.text.len() + 1);
        let (mut row, mut col) = (0, 0);
        for (byte, g) in self.text.grapheme_indices(true) {
            let w = crate::width::width(g);
            let c = g.chars().next().unwrap_or(' ');
            if c != '\n' && col + w > cells {
                row += 1;
                col = 0;
            }
            out.push(Spot { byte, row, col });
            if c == '\n' {
                row += 1;
                col = 0;
            } else {
                col += w;
            }
        }
        // A caret after a full row would sit outside it: next row.
        if col >= cells {
            row += 1;
            col = 0;
        }
        out.push(Spot {
            byte: self.text.len(),
            row,
            col,
        });
        out
    }

    /// The text as rows `cells` wide, and the caret's row and column.
    pub fn layout(&self, cells: usize) -> Layout {
        let spots = self.spots(cells);
        let rows_needed = spots.last().map_or(1, |s| s.row + 1);
        let mut rows = vec![String::new(); rows_needed];
        for (spot, g) in spots.iter().zip(self.text.graphemes(true)) {
            if g != "\n" {
                rows[spot.row].push_str(g);
            }
        }
        let caret = spots
            .iter()
            .find(|s| s.byte == self.caret)
            .map_or((0, 0), |s| (s.row, s.col));
        Layout { rows, caret }
    }

    /// The draft as the store keeps it, signed by `reviewer` (the desk's)
    /// unless the words were begun under another name.
    pub fn draft(&self, folder: &str, reviewer: &str) -> Draft {
        let reviewer = self.signer.as_deref().unwrap_or(reviewer);
        Draft {
            seen: self.seen.clone(),
            reviewer: (!reviewer.trim().is_empty()).then(|| reviewer.to_string()),
            ..Draft::new(folder, &self.file, self.target.clone(), &self.text)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::Place;

    fn editor(text: &str) -> Editor {
        Editor::new(
            "a.json".into(),
            Target::New {
                place: Place::Declaration,
            },
            text.into(),
        )
    }

    fn typed(e: &mut Editor, s: &str) {
        for c in s.chars() {
            e.apply(EditKey::Char(c), 20);
        }
    }

    #[test]
    fn an_emoji_sequence_typed_or_pasted_stays_whole_and_moves_as_one() {
        // Issue 8: the ZWJ inside 👨‍👩‍👧 was dropped, leaving three faces.
        let family = "👨\u{200d}👩\u{200d}👧";
        let mut e = editor("");
        typed(&mut e, family);
        assert_eq!(e.text, family, "typed a character at a time");
        let mut p = editor("");
        p.apply(EditKey::Paste(format!("好{family}")), 20);
        assert_eq!(p.text, format!("好{family}"));
        p.apply(EditKey::Left, 20);
        assert_eq!(p.caret, "好".len(), "one step over the whole family");
        p.apply(EditKey::Delete, 20);
        assert_eq!(p.text, "好");
        p.apply(EditKey::Paste(family.into()), 20);
        p.apply(EditKey::Backspace, 20);
        assert_eq!(p.text, "好");
        let mut lone = editor("");
        typed(&mut lone, "中\u{200d}文");
        assert_eq!(lone.text, "中文", "a joiner between letters still goes");
    }

    #[test]
    fn the_caret_moves_by_characters_and_columns_by_cells() {
        let mut e = editor("");
        typed(&mut e, "目标值a");
        assert_eq!(e.layout(20).caret, (0, 7));
        e.apply(EditKey::Left, 20);
        e.apply(EditKey::Left, 20);
        assert_eq!(e.layout(20).caret, (0, 4), "after 目标: four cells");
        e.apply(EditKey::Backspace, 20);
        assert_eq!(e.text, "目值a");
        e.apply(EditKey::Delete, 20);
        assert_eq!(e.text, "目a");
        typed(&mut e, "标");
        assert_eq!(e.text, "目标a");
        assert_eq!(e.layout(20).caret, (0, 4));
    }

    #[test]
    fn wide_characters_wrap_whole_and_the_caret_follows() {
        let mut e = editor("");
        typed(&mut e, "一二三四五");
        let l = e.layout(5);
        assert_eq!(l.rows, ["一二", "三四", "五"]);
        assert_eq!(l.caret, (2, 2));
        // Exactly full: the caret goes to the start of the next row.
        let e = editor("一二");
        let l = e.layout(4);
        assert_eq!(l.caret, (1, 0));
        assert_eq!(l.rows, ["一二", ""]);
    }

    #[test]
    fn up_and_down_keep_the_column_by_cells() {
        let mut e = editor("abcd\n一二三");
        assert_eq!(e.layout(20).caret, (1, 6));
        e.apply(EditKey::Up, 20);
        assert_eq!(e.caret, 4, "end of abcd (column 4 ≤ 6)");
        e.apply(EditKey::Left, 20);
        e.apply(EditKey::Left, 20);
        e.apply(EditKey::Left, 20);
        e.apply(EditKey::Down, 20);
        assert_eq!(e.layout(20).caret, (1, 0), "column 1 lands before 一");
        e.apply(EditKey::End, 20);
        assert_eq!(e.caret, e.text.len());
        e.apply(EditKey::Home, 20);
        assert_eq!(e.layout(20).caret, (1, 0));
        e.apply(EditKey::Down, 20);
        assert_eq!(e.layout(20).caret, (1, 0), "no row below: stays");
    }

    #[test]
    fn a_paste_is_sanitised_and_keeps_its_line_breaks() {
        let mut e = editor("");
        e.apply(
            EditKey::Paste("第一行\r\n\u{1b}[2J第二行\u{202e}".into()),
            20,
        );
        assert_eq!(e.text, "第一行\n[2J第二行");
        assert_eq!(e.layout(20).rows, ["第一行", "[2J第二行"]);
        assert!(e.changed());
    }

    #[test]
    fn words_from_a_journal_or_a_draft_are_made_safe_before_they_are_drawn() {
        let e = editor("旧意见\u{1b}]0;pwned\u{7}\r\n第二行");
        assert_eq!(e.text, "旧意见]0;pwned\n第二行");
        assert!(!e.changed(), "made safe is not a change");
    }

    #[test]
    fn closing_loses_nothing_only_when_nothing_new_was_typed() {
        let mut e = editor("原来的意见");
        assert!(!e.changed());
        typed(&mut e, "，补充");
        assert!(e.changed());
        let mut blank = editor("");
        typed(&mut blank, "  ");
        assert!(!blank.changed(), "only spaces: nothing to lose");
    }

    #[test]
    fn no_width_or_text_makes_the_layout_panic() {
        for text in ["", "\n", "\n\n一", "一二三四五六七八九十abc"] {
            for cells in 0..8 {
                let mut e = editor(text);
                for k in [
                    EditKey::Up,
                    EditKey::Home,
                    EditKey::Down,
                    EditKey::End,
                    EditKey::Left,
                ] {
                    e.apply(k, cells);
                    let l = e.layout(cells);
                    assert!(l.caret.0 < l.rows.len());
                }
            }
        }
    }
}
