//! The province's form read by the labels it prints, not by fixed cells:
//! each box is the cell beside its label, each table starts under its
//! column headers, so an extra row, a moved block or another column order
//! still reads. A label that is not there is the file's error, naming it.

use super::WorkbookError;
use super::grid::Grid;
use super::value;
use crate::load::bounds;
use crate::load::{LoadError, LoadErrorKind};
use crate::model::cells::{CellMap, CellRef};
use crate::model::{
    Amount, BudgetBox, Declaration, DepartmentField, Indicator, IndicatorField, KeyTask, Location,
    TargetColumns, TaskField,
};
use std::borrow::Cow;

/// Labels and headers as the form prints them, white space removed.
mod label {
    pub const DEPARTMENT: &str = "部门名称";
    pub const STAFF: &str = "财政供养人员数";
    pub const UNITS: &str = "下属二级单位数";
    pub const BUDGET: &str = "预算整体情况";
    pub const GOAL: &str = "总体绩效目标";
    pub const TASKS: &str = "年度重点工作任务";
    pub const TASK_NAME: &str = "名称";
    pub const TASK_CONTENT: &str = "主要实施内容";
    pub const TASK_FUNDS: &str = "拟投入的资金";
    pub const TASK_OUTCOME: &str = "期望达到的目标";
    pub const OTHER_TASKS: &str = "其他需完成的任务";
    pub const INDICATORS: &str = "绩效指标";
    pub const LEVEL1: &str = "一级指标";
    pub const LEVEL2: &str = "二级指标";
    pub const NAME: &str = "三级指标";
    pub const TARGET: &str = "指标值";
    pub const PERIOD: &str = "实施周期指标值";
    pub const ANNUAL: &str = "年度指标值";
    pub const OWN_USE: &str = "本级使用资金";
}

/// The label of each amount box, in [`BudgetBox::ALL`] order.
const BOX_LABELS: [&str; 8] = [
    "基本支出",
    "项目支出",
    "财政专项资金",
    "其他事业发展性支出",
    "财政拨款",
    "其他资金",
    label::OWN_USE,
    "拟用于对下转移支付资金",
];

/// A label as compared: every white space removed (labels wrap inside cells).
fn squeeze(s: &str) -> Cow<'_, str> {
    if s.contains(char::is_whitespace) {
        Cow::Owned(s.chars().filter(|c| !c.is_whitespace()).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// The longest text taken for a label, in bytes: labels are short, and
/// the paragraphs of a form need not be looked through for them.
const LABEL_BYTES: usize = 120;

/// The sheet's cells that could be labels, in reading order.
fn labels(grid: &Grid) -> impl Iterator<Item = (CellRef, Cow<'_, str>)> {
    grid.texts()
        .filter(|(_, t)| t.len() <= LABEL_BYTES)
        .map(|(at, t)| (at, squeeze(t)))
}

/// Is this the sheet of the form? (It prints 部门名称 and 绩效指标.)
pub fn looks_like_form(grid: &Grid) -> bool {
    let has = |label: &str| labels(grid).any(|(_, t)| t == label);
    has(label::DEPARTMENT) && has(label::INDICATORS)
}

/// The sheet's text cells that could be labels, in reading order, squeezed.
struct Texts<'g>(Vec<(CellRef, Cow<'g, str>)>);

impl<'g> Texts<'g> {
    fn of(grid: &'g Grid) -> Texts<'g> {
        Texts(labels(grid).collect())
    }

    fn find_by(&self, from_row: u32, pred: impl Fn(&str) -> bool) -> Option<(CellRef, &str)> {
        self.0
            .iter()
            .find(|(at, t)| at.row >= from_row && pred(t))
            .map(|(at, t)| (*at, t.as_ref()))
    }

    fn find(&self, label: &str, from_row: u32) -> Option<CellRef> {
        self.find_by(from_row, |t| t == label).map(|(at, _)| at)
    }

    fn need(&self, label: &'static str, from_row: u32) -> Result<CellRef, LoadError> {
        self.find(label, from_row).ok_or_else(|| missing(label))
    }

    /// A column header in the header row: equal to `header`, or starting
    /// with it when the form adds a unit or a note in brackets.
    fn header(&self, row: u32, header: &'static str, prefix: bool) -> Option<CellRef> {
        self.0
            .iter()
            .find(|(at, t)| at.row == row && (t == header || (prefix && t.starts_with(header))))
            .map(|(at, _)| *at)
    }
}

fn missing(label: &'static str) -> LoadError {
    LoadError::whole_file(LoadErrorKind::Workbook(WorkbookError::LabelMissing(label)))
}

fn header_missing(table: &'static str, header: &'static str) -> LoadError {
    LoadError::whole_file(LoadErrorKind::Workbook(WorkbookError::HeaderMissing {
        table,
        header,
    }))
}

/// Reads one sheet as a declaration. An error names the department when
/// its name was read before the problem.
pub fn read(grid: &Grid) -> Result<Declaration, LoadError> {
    let mut d = Declaration::default();
    match fill(grid, &mut d) {
        Ok(()) => {
            let name = d.department.name.clone();
            bounds::hold(d, |d, at| d.cells.get(at)).map_err(|e| e.naming(name.as_deref()))
        }
        Err(e) => Err(e.naming(d.department.name.as_deref())),
    }
}

fn fill(grid: &Grid, d: &mut Declaration) -> Result<(), LoadError> {
    let texts = Texts::of(grid);
    let mut r = Reader {
        grid,
        cells: CellMap::on_sheet(&grid.sheet),
    };

    let name_label = texts.need(label::DEPARTMENT, 0)?;
    if let Some((at, year)) = title_year(&texts, name_label.row) {
        d.fiscal_year = Some(year);
        r.cells.insert(Location::FiscalYear, at);
    }
    let name_at = r.beside(name_label);
    d.department.name = r.text(Location::Department(DepartmentField::Name), name_at);
    d.region = d.department.name.as_deref().and_then(region_of);
    r.cells.insert(Location::Region, name_at);
    let staff = r.beside(texts.need(label::STAFF, 0)?);
    d.department.staff_count = r.count(DepartmentField::StaffCount, staff)?;
    let units = r.beside(texts.need(label::UNITS, 0)?);
    d.department.subordinate_units = r.count(DepartmentField::SubordinateUnits, units)?;

    let budget = texts.need(label::BUDGET, 0)?;
    r.cells.insert(Location::Budget, budget);
    for (b, label) in BudgetBox::ALL.into_iter().zip(BOX_LABELS) {
        let (at, printed) = if b == BudgetBox::OwnUse {
            texts
                .find_by(budget.row, |t| t.ends_with(label::OWN_USE))
                .ok_or_else(|| missing(label::OWN_USE))?
        } else {
            (texts.need(label, budget.row)?, label)
        };
        if b == BudgetBox::OwnUse {
            d.budget.by_level.own_use_label = Some(printed.to_string());
            r.cells.insert(Location::OwnUseLabel, at);
        }
        let value = r.amount(Location::BudgetBox(b), r.beside(at))?;
        set_box(d, b, value);
    }

    let goal = r.beside(texts.need(label::GOAL, 0)?);
    d.overall_goal = r.text(Location::OverallGoal, goal);

    let tasks = texts.need(label::TASKS, 0)?;
    r.cells.insert(Location::KeyTasks, tasks);
    let indicators = texts.need(label::INDICATORS, tasks.row)?;
    let other = texts.find_by(tasks.row, |t| t.starts_with(label::OTHER_TASKS));
    let tasks_end = other.map_or(indicators.row, |(at, _)| at.row.min(indicators.row));
    d.key_tasks = r.key_tasks(&texts, tasks.row, tasks_end)?;
    if let Some((at, _)) = other {
        d.other_tasks = r.other_tasks(at);
    }

    r.cells.insert(Location::Indicators, indicators);
    (d.indicators, d.target_columns) = r.indicators(&texts, indicators.row)?;
    d.cells = r.cells;
    Ok(())
}

/// The rows after `header` and before `end` where one of `cols` shows
/// something, in order. Rows that hold nothing are stepped over, not
/// visited: a merged area may reach row 1,048,576.
fn rows_showing(grid: &Grid, cols: Vec<u32>, header: u32, end: u32) -> impl Iterator<Item = u32> {
    let shows = move |row| {
        cols.iter()
            .any(|&c| !grid.value(CellRef::new(row, c)).is_empty())
    };
    let mut next = header.checked_add(1);
    std::iter::from_fn(move || {
        while let Some(row) = next.filter(|&r| r < end) {
            if shows(row) {
                next = row.checked_add(1);
                return Some(row);
            }
            next = grid.next_row_after(row);
        }
        None
    })
}

fn set_box(d: &mut Declaration, b: BudgetBox, value: Amount) {
    *b.slot(&mut d.budget) = value;
}

/// The year in the title above the form (`2024年市级部门整体预算绩效目标表`).
fn title_year(texts: &Texts, before_row: u32) -> Option<(CellRef, i32)> {
    texts
        .0
        .iter()
        .filter(|(at, _)| at.row < before_row)
        .find_map(|(at, t)| {
            let chars: Vec<char> = t.chars().collect();
            chars.windows(5).find_map(|w| {
                let [digits @ .., '年'] = w else {
                    return None;
                };
                digits
                    .iter()
                    .all(char::is_ascii_digit)
                    .then(|| digits.iter().collect::<String>().parse().ok())
                    .flatten()
                    .map(|y| (*at, y))
            })
        })
}

/// The region a department's name begins with (`湛江市人力资源和社会保障局`
/// → `湛江市`, `广州市天河区司法局` → `广州市天河区`): a run of place names,
/// each a few characters ending in 省, 市, 区, 县, 州, 盟 or 旗.
pub fn region_of(name: &str) -> Option<String> {
    const ENDS: [char; 7] = ['省', '市', '区', '县', '州', '盟', '旗'];
    let chars: Vec<char> = name.trim().chars().collect();
    let mut end = 0;
    'places: loop {
        // 自治区/自治州/自治县 names run longer (内蒙古自治区).
        for len in 2..=7 {
            let Some(&last) = chars.get(end + len) else {
                break 'places;
            };
            let body = chars.get(end..end + len).unwrap_or_default();
            let autonomous = body.ends_with(&['自', '治']);
            if ENDS.contains(&last) && (len <= 4 || autonomous) {
                end += len + 1;
                continue 'places;
            }
        }
        break;
    }
    (end > 0).then(|| chars.iter().take(end).collect())
}

/// Reads boxes of one sheet, noting the cell of each.
struct Reader<'g> {
    grid: &'g Grid,
    cells: CellMap,
}

impl Reader<'_> {
    /// The box beside a label: the first cell right of the label's merged area.
    fn beside(&self, label: CellRef) -> CellRef {
        let end = self.grid.merge_at(label).map_or(label.col, |m| m.end.1);
        CellRef::new(label.row, end.saturating_add(1))
    }

    /// The error of a box already noted in the cell map.
    fn fail(&self, at: Location, problem: LoadErrorKind) -> LoadError {
        LoadError {
            field: Some(at.to_string()),
            cell: self.cells.get(at),
            ..LoadError::whole_file(problem)
        }
    }

    /// The error of a table with more rows than the format allows.
    fn too_many(&self, list: Location) -> LoadError {
        let max = bounds::row_limit(list);
        self.fail(list, LoadErrorKind::TooManyRows { max })
    }

    fn text(&mut self, at: Location, cell: CellRef) -> Option<String> {
        self.cells.insert(at, cell);
        let source = self.grid.source(cell);
        value::text(self.grid.value(cell), self.grid.percent_decimals(source))
    }

    fn amount(&mut self, at: Location, cell: CellRef) -> Result<Amount, LoadError> {
        self.cells.insert(at, cell);
        value::amount(self.grid.value(cell)).map_err(|p| self.fail(at, p))
    }

    fn count(&mut self, f: DepartmentField, cell: CellRef) -> Result<Option<u32>, LoadError> {
        let at = Location::Department(f);
        self.cells.insert(at, cell);
        value::count(self.grid.value(cell)).map_err(|p| self.fail(at, p))
    }

    fn key_tasks(&mut self, texts: &Texts, from: u32, end: u32) -> Result<Vec<KeyTask>, LoadError> {
        let t = label::TASKS;
        let name = texts
            .find(label::TASK_NAME, from)
            .filter(|at| at.row < end)
            .ok_or_else(|| header_missing(t, label::TASK_NAME))?;
        let col = |h, prefix| {
            texts
                .header(name.row, h, prefix)
                .map(|at| at.col)
                .ok_or_else(|| header_missing(t, h))
        };
        let content = col(label::TASK_CONTENT, false)?;
        let funds = col(label::TASK_FUNDS, true)?;
        let outcome = col(label::TASK_OUTCOME, true)?;
        let mut out = Vec::new();
        let cols = vec![name.col, content, funds, outcome];
        for row in rows_showing(self.grid, cols, name.row, end) {
            let at = |c| CellRef::new(row, c);
            if out.len() >= bounds::MAX_TASKS {
                return Err(self.too_many(Location::KeyTasks));
            }
            let i = out.len();
            let loc = |f| Location::KeyTask(i, Some(f));
            self.cells.insert(Location::KeyTask(i, None), at(name.col));
            out.push(KeyTask {
                name: self.text(loc(TaskField::Name), at(name.col)),
                content: self.text(loc(TaskField::Content), at(content)),
                funds: self.amount(loc(TaskField::Funds), at(funds))?,
                expected_outcome: self.text(loc(TaskField::ExpectedOutcome), at(outcome)),
            });
        }
        Ok(out)
    }

    /// 其他需完成的任务: the box beside the label, on any row the label spans.
    fn other_tasks(&mut self, label_at: CellRef) -> Option<String> {
        let last = self
            .grid
            .merge_at(label_at)
            .map_or(label_at.row, |m| m.end.0);
        let first_box = self.beside(label_at);
        self.cells.insert(Location::OtherTasks, first_box);
        (label_at.row..=last).find_map(|row| {
            let cell = CellRef::new(row, first_box.col);
            let text = value::text(self.grid.value(cell), None)?;
            (!text.trim().is_empty()).then(|| {
                self.cells.insert(Location::OtherTasks, cell);
                text
            })
        })
    }

    fn indicators(
        &mut self,
        texts: &Texts,
        from: u32,
    ) -> Result<(Vec<Indicator>, TargetColumns), LoadError> {
        let t = label::INDICATORS;
        let level1 = texts
            .find(label::LEVEL1, from)
            .ok_or_else(|| header_missing(t, label::LEVEL1))?;
        let col = |h| texts.header(level1.row, h, false).map(|at| at.col);
        let level2 = col(label::LEVEL2).ok_or_else(|| header_missing(t, label::LEVEL2))?;
        let name = col(label::NAME).ok_or_else(|| header_missing(t, label::NAME))?;
        let (columns, period, annual) =
            match (col(label::TARGET), col(label::PERIOD), col(label::ANNUAL)) {
                (_, Some(p), Some(a)) => (TargetColumns::Two, Some(p), a),
                (Some(a), _, _) => (TargetColumns::One, None, a),
                (None, None, _) => return Err(header_missing(t, label::PERIOD)),
                (None, Some(_), None) => return Err(header_missing(t, label::ANNUAL)),
            };
        let mut out = Vec::new();
        let mut cols = vec![level1.col, level2, name, annual];
        cols.extend(period);
        let end = self.grid.last_row().saturating_add(1);
        for row in rows_showing(self.grid, cols, level1.row, end) {
            let at = |c| CellRef::new(row, c);
            if out.len() >= bounds::MAX_INDICATORS {
                return Err(self.too_many(Location::Indicators));
            }
            let i = out.len();
            let loc = |f| Location::Indicator(i, Some(f));
            self.cells.insert(Location::Indicator(i, None), at(name));
            let grid = self.grid;
            let source = |c| grid.source(at(c));
            out.push(Indicator {
                level1: self.text(loc(IndicatorField::Level1), source(level1.col)),
                level2: self.text(loc(IndicatorField::Level2), source(level2)),
                name: self.text(loc(IndicatorField::Name), at(name)),
                period_target: period
                    .and_then(|p| self.text(loc(IndicatorField::PeriodTarget), at(p))),
                annual_target: self.text(loc(IndicatorField::AnnualTarget), at(annual)),
            });
        }
        Ok((out, columns))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_are_the_place_names_a_department_begins_with() {
        assert_eq!(
            region_of("湛江市人力资源和社会保障局").as_deref(),
            Some("湛江市")
        );
        assert_eq!(
            region_of("广州市天河区司法局").as_deref(),
            Some("广州市天河区")
        );
        assert_eq!(
            region_of("广州市天河区市场监督管理局").as_deref(),
            Some("广州市天河区")
        );
        assert_eq!(
            region_of("内蒙古自治区财政厅").as_deref(),
            Some("内蒙古自治区")
        );
        assert_eq!(region_of("广东省财政厅").as_deref(), Some("广东省"));
        assert_eq!(region_of("财政局"), None);
        assert_eq!(region_of(""), None);
    }
}
