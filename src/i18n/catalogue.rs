//! The catalogue's own words: what each severity is called.
//! `rules::Severity::label` says which is whose.

use super::Phrase;

pub const ERROR: Phrase = Phrase::new("错误", "error");
pub const WARNING: Phrase = Phrase::new("警告", "warning");
pub const INFO: Phrase = Phrase::new("提示", "info");
