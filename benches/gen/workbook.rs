//! Writes a declaration as the province's Excel template, the way the
//! departments' forms look: title, merged labels, the budget block, key
//! tasks, the indicator table with its 一级/二级 labels merged down.
//!
//! For tests, the sample batch and benchmarks; not a user command. The
//! layout can be moved about (rows inserted, columns shifted or swapped) to
//! show the reader finds boxes by their labels.

use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet, XlsxError};
use shenhe::model::{Amount, Declaration, TargetColumns};

/// How the template is laid out.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// `市级` or `区级`, in the title.
    pub level: &'static str,
    /// Blank rows before the form and between its blocks.
    pub extra_rows: u32,
    /// Columns left empty before the form.
    pub first_col: u16,
    /// Key-task columns and two-column targets in another order.
    pub swap_columns: bool,
    /// 一级/二级 labels merged down their rows, as on real forms.
    pub merge_levels: bool,
    /// Amounts as text cells (`"5105.47"`) instead of numbers.
    pub text_amounts: bool,
    /// Targets written `N%` become numbers formatted `0%`, as Excel keeps them.
    pub percent_numbers: bool,
    /// 财政拨款 as the formula `=basic+project`, its result cached.
    pub formula_income: bool,
    /// The box 其他需完成的任务（可选填） is printed.
    pub other_tasks_box: bool,
}

struct Sheet<'a> {
    ws: &'a mut Worksheet,
    col0: u16,
    text_amounts: bool,
}

impl Sheet<'_> {
    fn at(&self, c: u16) -> u16 {
        self.col0 + c
    }
    fn text(&mut self, r: u32, c: u16, t: &str) -> Result<(), XlsxError> {
        self.ws.write_string(r, self.at(c), t)?;
        Ok(())
    }
    fn opt(&mut self, r: u32, c: u16, t: &Option<String>) -> Result<(), XlsxError> {
        match t {
            Some(t) => self.text(r, c, t),
            None => Ok(()),
        }
    }
    fn amount(&mut self, r: u32, c: u16, a: Amount) -> Result<(), XlsxError> {
        let Some(d) = a else { return Ok(()) };
        if self.text_amounts {
            return self.text(r, c, &d.to_string());
        }
        let f: f64 = d.to_string().parse().unwrap_or(0.0);
        self.ws.write_number(r, self.at(c), f)?;
        Ok(())
    }
    fn count(&mut self, r: u32, c: u16, n: Option<u32>) -> Result<(), XlsxError> {
        if let Some(n) = n {
            self.ws.write_number(r, self.at(c), f64::from(n))?;
        }
        Ok(())
    }
    /// A text box over columns `c0..=c1` (merged when wider than one).
    fn boxed(&mut self, r0: u32, c0: u16, r1: u32, c1: u16, t: &str) -> Result<(), XlsxError> {
        if r0 == r1 && c0 == c1 {
            return self.text(r0, c0, t);
        }
        self.ws
            .merge_range(r0, self.at(c0), r1, self.at(c1), t, &Format::new())?;
        Ok(())
    }
}

/// The whole percentage of a target such as `95%`, if that is all it is.
fn plain_percent(t: &str) -> Option<f64> {
    let n = t.strip_suffix('%')?;
    (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .then(|| n.parse::<f64>().ok().map(|v| v / 100.0))
        .flatten()
}

/// Where some boxes of a written form are, for a caller's own edits.
pub struct Rows {
    /// The row of 项目支出 (its amount is in the column after the label).
    pub project: u32,
}

/// The declaration as a template workbook's bytes.
pub fn write(d: &Declaration, layout: &Layout) -> Result<Vec<u8>, XlsxError> {
    write_with(d, layout, |_, _| Ok(()))
}

/// As [`write`], letting `edit` change the sheet before it is saved (to
/// type a bad cell in, say).
pub fn write_with(
    d: &Declaration,
    layout: &Layout,
    edit: impl FnOnce(&mut Worksheet, Rows) -> Result<(), XlsxError>,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Sheet1")?;
    let mut s = Sheet {
        ws,
        col0: layout.first_col,
        text_amounts: layout.text_amounts,
    };
    let gap = layout.extra_rows;
    let two = d.target_columns == TargetColumns::Two;
    let last: u16 = if two { 5 } else { 4 };
    let mut r = gap;

    let year = d.fiscal_year.map(|y| format!("{y}年")).unwrap_or_default();
    let level = if layout.level.is_empty() {
        "区级"
    } else {
        layout.level
    };
    s.boxed(
        r,
        0,
        r,
        last,
        &format!("{year}{level}部门整体预算绩效目标表"),
    )?;
    r += 1 + gap;
    s.text(r, 0, "部门名称")?;
    let name = d.department.name.clone().unwrap_or_default();
    s.boxed(r, 1, r, last, &name)?;
    r += 1;
    s.text(r, 0, "基本信息")?;
    s.text(r, 1, "财政供养人员数")?;
    s.count(r, 2, d.department.staff_count)?;
    s.text(r, 3, "下属二级单位数")?;
    s.count(r, 4, d.department.subordinate_units)?;
    r += 1 + gap;

    let b = &d.budget;
    s.boxed(r, 0, r + 5, 0, "预算整体情况")?;
    for (row, labels) in [
        [
            "部门预算支出",
            "预算金额（万元）",
            "收入来源",
            "预算金额（万元）",
        ],
        ["基本支出", "", "财政拨款", ""],
        ["项目支出", "", "其他资金", ""],
        [
            "事业发展性支出",
            "预算金额（万元）",
            "按预算级次划分",
            "预算金额（万元）",
        ],
        ["财政专项资金", "", "", ""],
        ["其他事业发展性支出", "", "拟用于对下\n转移支付资金", ""],
    ]
    .iter()
    .enumerate()
    {
        for (c, l) in labels.iter().enumerate() {
            if !l.is_empty() {
                s.text(r + row as u32, 1 + c as u16, l)?;
            }
        }
    }
    let own_label = b
        .by_level
        .own_use_label
        .as_deref()
        .unwrap_or("区本级使用资金");
    s.text(r + 4, 3, own_label)?;
    s.amount(r + 1, 2, b.expenditure.basic)?;
    s.amount(r + 2, 2, b.expenditure.project)?;
    match (layout.formula_income, b.income.fiscal_appropriation) {
        (true, Some(v)) => {
            let (c5, c6) = (cell(r + 1, s.at(2)), cell(r + 2, s.at(2)));
            let formula = Formula::new(format!("={c5}+{c6}")).set_result(v.to_string());
            s.ws.write_formula(r + 1, s.at(4), formula)?;
        }
        (_, v) => s.amount(r + 1, 4, v)?,
    }
    s.amount(r + 2, 4, b.income.other)?;
    s.amount(r + 4, 2, b.development.special_fund)?;
    s.amount(r + 5, 2, b.development.other)?;
    s.amount(r + 4, 4, b.by_level.own_use)?;
    s.amount(r + 5, 4, b.by_level.transfer_to_lower)?;
    let rows = Rows { project: r + 2 };
    r += 6 + gap;

    s.text(r, 0, "总体绩效目标")?;
    s.boxed(r, 1, r, last, d.overall_goal.as_deref().unwrap_or(""))?;
    r += 1 + gap;

    let tasks = d.key_tasks.len() as u32;
    s.boxed(r, 0, r + tasks, 0, "年度重点工作任务")?;
    let (funds_col, outcome_col) = if layout.swap_columns { (4, 3) } else { (3, 4) };
    s.text(r, 1, "名称")?;
    s.text(r, 2, "主要实施内容")?;
    s.text(r, funds_col, "拟投入的资金（万元）")?;
    s.text(r, outcome_col, "期望达到的目标 （概述）")?;
    for (i, t) in d.key_tasks.iter().enumerate() {
        let row = r + 1 + i as u32;
        s.opt(row, 1, &t.name)?;
        s.opt(row, 2, &t.content)?;
        s.amount(row, funds_col, t.funds)?;
        s.opt(row, outcome_col, &t.expected_outcome)?;
    }
    r += 1 + tasks + gap;

    if layout.other_tasks_box || d.other_tasks.is_some() {
        s.text(r, 0, "其他需完成的任务 （可选填）")?;
        s.boxed(r, 1, r, last, d.other_tasks.as_deref().unwrap_or(""))?;
        r += 1 + gap;
    }

    let lines = d.indicators.len() as u32;
    s.boxed(r, 0, r + lines, 0, "绩效指标")?;
    s.text(r, 1, "一级指标")?;
    s.text(r, 2, "二级指标")?;
    s.text(r, 3, "三级指标")?;
    let (period_col, annual_col) = match (two, layout.swap_columns) {
        (false, _) => (None, 4),
        (true, false) => (Some(4), 5),
        (true, true) => (Some(5), 4),
    };
    match period_col {
        None => s.text(r, 4, "指标值")?,
        Some(p) => {
            s.text(r, p, "实施周期指标值")?;
            s.text(r, annual_col, "年度指标值")?;
        }
    }
    let percent = Format::new().set_num_format("0%");
    let first = r + 1;
    for (i, row) in d.indicators.iter().enumerate() {
        let at = first + i as u32;
        s.opt(at, 3, &row.name)?;
        let targets = [
            (Some(annual_col), &row.annual_target),
            (period_col, &row.period_target),
        ];
        for (col, t) in targets {
            let (Some(col), Some(t)) = (col, t) else {
                continue;
            };
            match plain_percent(t).filter(|_| layout.percent_numbers) {
                Some(v) => {
                    s.ws.write_number_with_format(at, s.at(col), v, &percent)?;
                }
                None => s.text(at, col, t)?,
            }
        }
    }
    // 一级 and 二级 labels: merged down runs of equal labels, or on each row.
    for (col, key) in [(1u16, 0usize), (2, 1)] {
        let label = |i: usize| {
            let row = &d.indicators[i];
            [&row.level1, &row.level2][..=key]
                .iter()
                .map(|l| (*l).clone().unwrap_or_default())
                .collect::<Vec<_>>()
        };
        let mut i = 0;
        while i < d.indicators.len() {
            let mut j = i;
            while layout.merge_levels && j + 1 < d.indicators.len() && label(j + 1) == label(i) {
                j += 1;
            }
            let text = label(i)[key].clone();
            if !text.is_empty() {
                s.boxed(first + i as u32, col, first + j as u32, col, &text)?;
            }
            i = j + 1;
        }
    }
    edit(s.ws, rows)?;
    book.save_to_buffer()
}

/// `C5` for a cell counted from 0.
fn cell(row: u32, col: u16) -> String {
    let mut letters = String::new();
    let mut n = u32::from(col) + 1;
    while n > 0 {
        letters.insert(0, char::from(b'A' + ((n - 1) % 26) as u8));
        n = (n - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}
