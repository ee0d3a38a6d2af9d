//! shenhe (审核): a reviewer's desk for 部门整体预算绩效目标申报表.
//!
//! The domain, with no terminal dependency. Read in this order:
//!
//! - [`model`]: the declaration as format v1 carries it; [`amount`]: exact
//!   money; [`load`]: files and folders in (JSON, and the province's Excel
//!   template through [`load::workbook`]), one error per broken file;
//!   [`cells`]: where a workbook's boxes sit; [`convert`]: a declaration
//!   written back as format v1 JSON.
//! - [`text`]: the catalogue's definitions (blank, normalised, numbers…);
//!   [`rules`]: the catalogue as data and one function per rule.
//! - [`sanitize`]: the one place untrusted text is made safe to show;
//!   [`safe_fs`]: the one place files of the shared folder are opened and
//!   replaced (no link followed, no FIFO waited on, modes on the descriptor).
//! - [`config`]: thresholds and on/off from config.toml.
//! - [`i18n`]: every user-facing string; [`report`]: what `check` prints.
#![forbid(unsafe_code)]

pub mod amount;
pub mod check;
pub mod config;
pub mod convert;
pub mod desk;
pub mod i18n;
pub mod load;
pub mod model;
pub mod report;
pub mod review;
pub mod rules;
pub mod safe_fs;
pub mod sanitize;
pub mod text;
#[cfg(feature = "tui")]
pub mod tui;
pub mod width;

#[cfg(test)]
mod testing;
