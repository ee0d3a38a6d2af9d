//! The short names (简称) reviewers type for bureaus whose full names are
//! long: `rsj` finds 人力资源和社会保障局 because it is 人社局 to everyone
//! who works with it. Only names a finance office uses in its own papers
//! are here; a name not in the list is found by its own characters.

/// Full name → short name. The full name is found anywhere in a
/// department's name (`广州市云溪区人力资源和社会保障局`).
pub const SHORT_NAMES: [(&str, &str); 18] = [
    ("人力资源和社会保障局", "人社局"),
    ("发展和改革局", "发改局"),
    ("住房和城乡建设局", "住建局"),
    ("卫生健康局", "卫健局"),
    ("卫生和计划生育局", "卫计局"),
    ("工业和信息化局", "工信局"),
    ("科学技术局", "科技局"),
    ("文化广电旅游体育局", "文广旅体局"),
    ("文化广电旅游局", "文广旅局"),
    ("市场监督管理局", "市场监管局"),
    ("退役军人事务局", "退役军人局"),
    ("规划和自然资源局", "规划资源局"),
    ("城市管理和综合执法局", "城管执法局"),
    ("政务服务数据管理局", "政数局"),
    ("医疗保障局", "医保局"),
    ("应急管理局", "应急局"),
    ("交通运输局", "交通局"),
    ("人民防空办公室", "人防办"),
];

/// The short names `name` goes by, each with, for every character of the
/// short name, the character of `name` it stands for.
pub fn short_names(name: &[char]) -> Vec<(Vec<char>, Vec<usize>)> {
    let mut out = Vec::new();
    for (full, short) in SHORT_NAMES {
        let full: Vec<char> = full.chars().collect();
        let Some(at) = name.windows(full.len()).position(|w| w == full.as_slice()) else {
            continue;
        };
        // Each character of the short name is one of the full name's, in
        // order: it stands for that one.
        let mut from = 0;
        let mut source = Vec::new();
        for c in short.chars() {
            let Some(i) = full.iter().skip(from).position(|f| *f == c) else {
                break;
            };
            source.push(at + from + i);
            from += i + 1;
        }
        let short: Vec<char> = short.chars().collect();
        if source.len() == short.len() {
            out.push((short, source));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_short_name_is_made_of_its_full_names_characters_in_order() {
        for (full, short) in SHORT_NAMES {
            let name: Vec<char> = format!("广州市云溪区{full}").chars().collect();
            let found = short_names(&name);
            assert_eq!(found.len(), 1, "{full}");
            let (chars, source) = &found[0];
            assert_eq!(chars.iter().collect::<String>(), short);
            let shown: String = source.iter().map(|&i| name[i]).collect();
            assert_eq!(shown, short, "{full}");
        }
    }
}
