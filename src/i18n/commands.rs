//! What each command of the desk does, as the key bar and the help screen
//! word it. `desk::Command::label` says which phrase is whose.

use super::Phrase;

pub const UP: Phrase = Phrase::new("上移", "up");
pub const DOWN: Phrase = Phrase::new("下移", "down");
pub const TOP: Phrase = Phrase::new("到顶", "top");
pub const BOTTOM: Phrase = Phrase::new("到底", "bottom");
pub const PAGE_UP: Phrase = Phrase::new("上一页", "page up");
pub const PAGE_DOWN: Phrase = Phrase::new("下一页", "page down");
pub const OPEN: Phrase = Phrase::new("打开/转到", "open / go to");
pub const BACK: Phrase = Phrase::new("返回", "back");
pub const SHOW_SEASON: Phrase = Phrase::new("本批概况", "batch at a glance");
pub const QUIT: Phrase = Phrase::new("返回/退出", "back / quit");
pub const EXIT: Phrase = Phrase::new("退出程序", "quit the program");
pub const NEXT_PANE: Phrase = Phrase::new("下一栏", "next pane");
pub const PREV_PANE: Phrase = Phrase::new("上一栏", "previous pane");
pub const SHOW_PANE: Phrase = Phrase::new("切换到第 1–8 栏", "panes 1–8");
pub const NEXT_FLAG: Phrase = Phrase::new("下一个问题", "next flag");
pub const PREV_FLAG: Phrase = Phrase::new("上一个问题", "previous flag");
pub const NEXT_DECLARATION: Phrase = Phrase::new("下一份申报表", "next declaration");
pub const PREV_DECLARATION: Phrase = Phrase::new("上一份申报表", "previous declaration");
pub const FILTER: Phrase = Phrase::new("筛选", "filter");
pub const FILTER_TYPE: Phrase = Phrase::new("输入筛选内容", "type the filter");
pub const FILTER_DONE: Phrase = Phrase::new("确定筛选", "keep filter");
pub const FILTER_DELETE: Phrase = Phrase::new("删除一字", "delete");
pub const SORT: Phrase = Phrase::new("排序", "sort");
pub const REVERSE_SORT: Phrase = Phrase::new("倒序", "reverse");
pub const SEVERITY_FILTER: Phrase = Phrase::new("按级别筛选", "severity filter");
pub const DECISION_FILTER: Phrase = Phrase::new("按结论筛选", "decision filter");
pub const LAST_YEAR_FILTER: Phrase = Phrase::new("按有无上年筛选", "last-year filter");
pub const SELECT: Phrase = Phrase::new("选中此行", "select the row");
pub const HELP: Phrase = Phrase::new("帮助", "help");
pub const SIGN_DONE: Phrase = Phrase::new("确定姓名", "use this name");
pub const SCROLL_HELP: Phrase = Phrase::new("帮助翻页", "page help");
pub const EXPLAIN: Phrase = Phrase::new("显示/隐藏规则依据", "show / hide rule basis");
pub const APPROVE: Phrase = Phrase::new("通过（再选等级）", "approve (then the grade)");
pub const RETURN: Phrase = Phrase::new("退回修改（再选等级）", "return (then the grade)");
pub const PENDING: Phrase = Phrase::new("改回待审", "back to pending");
pub const NO_GRADE: Phrase = Phrase::new("不评等级", "no grade");
pub const FOLD: Phrase = Phrase::new("折叠/展开一级指标", "fold / unfold a level-1 group");
pub const COMMENT: Phrase = Phrase::new("写意见", "comment");
pub const EDIT_COMMENT: Phrase = Phrase::new("修改意见", "edit comment");
pub const WITHDRAW: Phrase = Phrase::new("撤回意见", "withdraw comment");
pub const DISMISS: Phrase = Phrase::new("不采纳问题", "dismiss flag");
pub const INCLUDE: Phrase = Phrase::new("采纳问题", "include flag");
pub const DISMISS_RULE: Phrase = Phrase::new(
    "不采纳本表该规则的全部问题",
    "dismiss every flag of the rule here",
);
pub const DISMISS_RULE_EVERYWHERE: Phrase = Phrase::new(
    "不采纳全批该规则的全部问题",
    "dismiss every flag of the rule in the batch",
);
pub const PREVIEW: Phrase = Phrase::new("预览审核意见", "preview notice");
pub const SAVE: Phrase = Phrase::new("保存意见", "save");
pub const YES: Phrase = Phrase::new("是", "yes");
pub const NO: Phrase = Phrase::new("否", "no");
pub const RESCAN: Phrase = Phrase::new("重新读取文件夹", "read the folder again");

// The comment editor's keys.
pub const TYPE: Phrase = Phrase::new("输入文字", "type");
pub const PASTE: Phrase = Phrase::new("粘贴", "paste");
pub const NEWLINE: Phrase = Phrase::new("换行", "new line");
pub const DELETE_BACK: Phrase = Phrase::new("删除前一字", "delete back");
pub const DELETE_FORWARD: Phrase = Phrase::new("删除后一字", "delete forward");
pub const MOVE_CARET: Phrase = Phrase::new("移动光标", "move the caret");
pub const LINE_START: Phrase = Phrase::new("行首", "line start");
pub const LINE_END: Phrase = Phrase::new("行尾", "line end");

// Shorter words for the key bar, where width is scarce; help gives the
// full ones above.
pub const BAR_OPEN: Phrase = Phrase::new("打开", "open");
pub const BAR_QUIT: Phrase = Phrase::new("退出", "quit");
pub const BAR_APPROVE: Phrase = Phrase::new("通过", "approve");
pub const BAR_RETURN: Phrase = Phrase::new("退回", "return");
pub const BAR_PENDING: Phrase = Phrase::new("待审", "pending");
pub const BAR_PREVIEW: Phrase = Phrase::new("预览", "preview");
pub const REWORD: Phrase = Phrase::new("改写选中的部分", "reword the part chosen");
pub const BAR_REWORD: Phrase = Phrase::new("改写", "reword");
pub const DROP_PART: Phrase = Phrase::new(
    "删去或恢复选中的一点",
    "leave out or put back the point chosen",
);
pub const BAR_DROP_PART: Phrase = Phrase::new("删去/恢复", "out / back");
pub const ADD_POINT: Phrase =
    Phrase::new("在选中的一点后增加一点", "add a point after the one chosen");
pub const BAR_ADD_POINT: Phrase = Phrase::new("增加", "add");
pub const RESTORE_PART: Phrase = Phrase::new("恢复为生成的文字", "back to the generated words");
