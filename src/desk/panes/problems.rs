//! 问题: every flag of the declaration, most severe first.

use super::Line;
use crate::check::Checked;
use crate::i18n::Lang;

pub(super) fn lines(lang: Lang, checked: &Checked) -> Vec<Line> {
    (0..checked.flags.len())
        .filter_map(|i| super::flag_line(lang, &checked.flags, i))
        .collect()
}
