//! The words of a review's outcome: decisions and grades.
//! `review::Decision::label` and `review::Grade::label` say which is whose.

use super::Phrase;

pub const PENDING: Phrase = Phrase::new("待审", "pending");
pub const APPROVED: Phrase = Phrase::new("通过", "approved");
pub const RETURNED: Phrase = Phrase::new("退回修改", "returned");

/// As the list's narrow column shows them.
pub const PENDING_SHORT: Phrase = Phrase::new("待审", "pend.");
pub const APPROVED_SHORT: Phrase = Phrase::new("通过", "appr.");
pub const RETURNED_SHORT: Phrase = Phrase::new("退回", "ret.");

pub const EXCELLENT: Phrase = Phrase::new("优", "excellent");
pub const GOOD: Phrase = Phrase::new("良", "good");
pub const FAIR: Phrase = Phrase::new("中", "fair");
pub const POOR: Phrase = Phrase::new("差", "poor");

/// A flag's disposition: it goes to the department, or it does not.
pub const ACCEPTED: Phrase = Phrase::new("采纳", "included");
pub const DISMISSED: Phrase = Phrase::new("不采纳", "dismissed");
