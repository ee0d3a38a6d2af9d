//! A declaration the desk is not showing, held packed (issue 23): its key
//! tasks, indicator rows, goal and other tasks — the bulk of it — as one
//! run of bytes, the rest (what the list shows: department, region, year,
//! budget) left in place. The one shown is unpacked while it is open.
//! Strings as their bytes after a length, amounts as rust_decimal's 16
//! bytes, all of it then LZ4-compressed (`lz4_flex`, safe code): exact,
//! and a few kilobytes where the model's own `String`s took ten.

use crate::model::{Declaration, Indicator, KeyTask};
use rust_decimal::Decimal;

/// The packed part of a declaration.
#[derive(Debug, Clone)]
pub struct Parked(Box<[u8]>);

impl Parked {
    /// Packs `decl`'s tasks, indicators, goal and other tasks, leaving them
    /// empty in it.
    pub fn take(decl: &mut Declaration) -> Parked {
        let mut out = Vec::new();
        text(&mut out, decl.overall_goal.take());
        text(&mut out, decl.other_tasks.take());
        count(&mut out, decl.key_tasks.len());
        for t in std::mem::take(&mut decl.key_tasks) {
            text(&mut out, t.name);
            text(&mut out, t.content);
            match t.funds {
                Some(d) => {
                    out.push(1);
                    out.extend_from_slice(&d.serialize());
                }
                None => out.push(0),
            }
            text(&mut out, t.expected_outcome);
        }
        count(&mut out, decl.indicators.len());
        for r in std::mem::take(&mut decl.indicators) {
            for cell in [r.level1, r.level2, r.name, r.period_target, r.annual_target] {
                text(&mut out, cell);
            }
        }
        Parked(lz4_flex::compress_prepend_size(&out).into_boxed_slice())
    }

    /// The indicator rows alone, the rest passed over unread (what
    /// 本批概况 needs of the few declarations whose rows it names).
    pub fn indicators(&self) -> Vec<Indicator> {
        let bytes = lz4_flex::decompress_size_prepended(&self.0).unwrap_or_default();
        let mut r = Reader(&bytes);
        r.skip_text();
        r.skip_text();
        for _ in 0..r.count() {
            r.skip_text();
            r.skip_text();
            if r.byte() == Some(1) {
                r.bytes16();
            }
            r.skip_text();
        }
        r.indicators()
    }

    /// Puts the packed part back into `decl`.
    pub fn restore(&self, decl: &mut Declaration) {
        // Bytes `take` made: they decompress; were they ever not to, the
        // declaration would show empty rather than stop the desk.
        let bytes = lz4_flex::decompress_size_prepended(&self.0).unwrap_or_default();
        let mut r = Reader(&bytes);
        // What `take` wrote reads back; a short read (never expected) leaves
        // the rest empty rather than stopping the desk.
        decl.overall_goal = r.text();
        decl.other_tasks = r.text();
        let tasks = r.count();
        decl.key_tasks = (0..tasks)
            .map_while(|_| {
                Some(KeyTask {
                    name: r.text(),
                    content: r.text(),
                    funds: match r.byte()? {
                        1 => Some(Decimal::deserialize(r.bytes16()?)),
                        _ => None,
                    },
                    expected_outcome: r.text(),
                })
            })
            .collect();
        decl.indicators = r.indicators();
    }
}

fn count(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
}

/// `None` as a length of `u32::MAX`; a string as its length and bytes.
fn text(out: &mut Vec<u8>, s: Option<String>) {
    match s {
        Some(s) => {
            count(out, s.len());
            out.extend_from_slice(s.as_bytes());
        }
        None => out.extend_from_slice(&u32::MAX.to_le_bytes()),
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let (head, rest) = (self.0.get(..n)?, self.0.get(n..)?);
        self.0 = rest;
        Some(head)
    }

    fn byte(&mut self) -> Option<u8> {
        self.take(1)?.first().copied()
    }

    fn bytes16(&mut self) -> Option<[u8; 16]> {
        self.take(16)?.try_into().ok()
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn count(&mut self) -> usize {
        self.u32().map_or(0, |n| n as usize)
    }

    fn indicators(&mut self) -> Vec<Indicator> {
        (0..self.count())
            .map(|_| Indicator {
                level1: self.text(),
                level2: self.text(),
                name: self.text(),
                period_target: self.text(),
                annual_target: self.text(),
            })
            .collect()
    }

    /// A text passed over: its length read, its bytes not copied.
    fn skip_text(&mut self) {
        if let Some(n) = self.u32().filter(|&n| n != u32::MAX) {
            self.take(n as usize);
        }
    }

    fn text(&mut self) -> Option<String> {
        let n = self.u32()?;
        if n == u32::MAX {
            return None;
        }
        let bytes = self.take(n as usize)?;
        String::from_utf8(bytes.to_vec()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every declaration of the sample folder packs and unpacks to itself.
    #[test]
    fn a_declaration_packed_and_put_back_is_the_same() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
        let mut seen = 0;
        for path in crate::load::declaration_files(&dir).unwrap() {
            let Ok(decl) = crate::load::read(&path, u64::MAX) else {
                continue;
            };
            let mut packed = decl.clone();
            let parked = Parked::take(&mut packed);
            assert!(packed.indicators.is_empty() && packed.key_tasks.is_empty());
            assert!(packed.overall_goal.is_none());
            assert_eq!(
                format!("{:?}", parked.indicators()),
                format!("{:?}", decl.indicators)
            );
            parked.restore(&mut packed);
            assert_eq!(
                format!("{packed:?}"),
                format!("{decl:?}"),
                "{}",
                path.display()
            );
            seen += 1;
        }
        assert!(seen > 10);
    }

    #[test]
    fn empty_strings_blank_amounts_and_a_negative_amount_survive() {
        let mut decl = Declaration {
            overall_goal: Some(String::new()),
            ..Declaration::default()
        };
        decl.key_tasks.push(KeyTask {
            funds: Some("-0.010".parse().unwrap()),
            ..KeyTask::default()
        });
        decl.indicators.push(Indicator {
            name: Some("满意度\u{1b}".into()),
            ..Indicator::default()
        });
        let want = format!("{decl:?}");
        let parked = Parked::take(&mut decl);
        parked.restore(&mut decl);
        assert_eq!(format!("{decl:?}"), want);
    }
}
