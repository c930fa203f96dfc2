//! Date grammar: a table of sentences with the exact date text and value expected,
//! plus robustness checks (no panic, ranges on char boundaries).

use chrono::NaiveDate;
use claimcheck::normalize::date::{DayOrder, day_order, scan_dates_in};
use claimcheck::normalize::scan_dates;
use proptest::prelude::*;

/// (text, anchor as YYYY-MM-DD, expected [(matched text, rendered value)]).
/// Every row lists all dates that must come out, so a row with none is a negative.
type Row = (
    &'static str,
    Option<&'static str>,
    &'static [(&'static str, &'static str)],
);

const A: Option<&str> = Some("2025-10-27");

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // --- full English dates
    ("The accord was signed on October 19, 2024 in Kuala Lumpur.", A, &[("October 19, 2024", "2024-10-19")]),
    ("Trading resumed on 1 January 2025 after the holiday.", A, &[("1 January 2025", "2025-01-01")]),
    ("Shipments began Oct. 24, 2025, according to port data.", A, &[("Oct. 24, 2025", "2025-10-24")]),
    ("Shipments began Oct 24 2025 at dawn.", A, &[("Oct 24 2025", "2025-10-24")]),
    ("Parliament reconvenes on 20 October 2025.", A, &[("20 October 2025", "2025-10-20")]),
    ("A storm hit on December 6 1975 in the capital.", A, &[("December 6 1975", "1975-12-06")]),
    ("Flights resumed on the 28th of October 2025.", None, &[("the 28th of October 2025", "2025-10-28")]),
    ("The warehouse reopened on 3 Sept. 2025 after repairs.", None, &[("3 Sept. 2025", "2025-09-03")]),
    ("WASHINGTON, OCTOBER 21, 2025 - The agency said", None, &[("OCTOBER 21, 2025", "2025-10-21")]),
    // --- ISO
    ("Filed 2025-10-28 with the registry.", A, &[("2025-10-28", "2025-10-28")]),
    ("Dated 2025/10/28, the memo leaked.", A, &[("2025/10/28", "2025-10-28")]),
    ("The report, dated 2025.10.28, was leaked.", A, &[("2025.10.28", "2025-10-28")]),
    ("A log entry (2024-02-29) was kept.", None, &[("2024-02-29", "2024-02-29")]),
    ("An entry for 2025-02-29 is impossible.", None, &[]),
    ("A stamp of 2025-13-01 is garbage.", None, &[]),
    // --- month-day, resolved against the anchor
    ("The two leaders met on October 20 in Tokyo.", A, &[("October 20", "2025-10-20")]),
    ("The ban took effect Sept. 18 across the region.", A, &[("Sept. 18", "2025-09-18")]),
    ("The ceremony is set for September 18th.", A, &[("September 18th", "2025-09-18")]),
    ("Talks resumed 20 Oct with a new agenda.", A, &[("20 Oct", "2025-10-20")]),
    ("The agreement was signed 28th October.", A, &[("28th October", "2025-10-28")]),
    ("The rally on September the 11th drew crowds.", A, &[("September the 11th", "2025-09-11")]),
    ("The vote is due on the 28th of October.", Some("2025-10-01"), &[("the 28th of October", "2025-10-28")]),
    ("Payments restart February 1, officials said.", Some("2025-02-15"), &[("February 1", "2025-02-01")]),
    ("The fire broke out on December 30.", Some("2025-01-03"), &[("December 30", "2024-12-30")]),
    ("Deliveries start on January 5.", Some("2025-12-20"), &[("January 5", "2026-01-05")]),
    ("DECEMBER 5 was chosen for the launch.", A, &[("DECEMBER 5", "2025-12-05")]),
    ("The leap-day sitting on February 29 was cancelled.", Some("2025-03-01"), &[("February 29", "2024-02-29")]),
    ("On October 20, 2000 people marched in the capital.", A, &[("October 20", "2025-10-20")]),
    ("Talks are planned for January 4-6 in the capital.", A, &[("January 4", "2026-01-04")]),
    ("Surgery on February 24 this year went well.", A, &[("February 24 this year", "2025-02-24")]),
    ("A raid on December 14 last year was cited.", A, &[("December 14 last year", "2024-12-14")]),
    // --- day of the month alone
    ("Officials met again on the 28th to finalise terms.", A, &[("the 28th", "2025-10-28")]),
    ("The deal lapses on the 15th.", A, &[("the 15th", "2025-10-15")]),
    ("On local time 27th, the envoy left Manila.", A, &[("27th", "2025-10-27")]),
    ("Voting closed on the 28th.", Some("2025-11-02"), &[("the 28th", "2025-10-28")]),
    ("The summit ends on the 3rd.", Some("2025-12-30"), &[("the 3rd", "2026-01-03")]),
    ("Payments were due on the 1st.", Some("2025-06-16"), &[("the 1st", "2025-06-01")]),
    ("Strikes hit on the 27th and 28th.", A, &[("the 27th", "2025-10-27"), ("28th", "2025-10-28")]),
    ("Envoys arrived on the morning of the 28th.", A, &[("the 28th", "2025-10-28")]),
    ("The 28th morning session was cancelled.", A, &[("The 28th", "2025-10-28")]),
    ("The fund pays out on the 15th of this month.", A, &[("the 15th of this month", "2025-10-15")]),
    ("The cabinet met on the 31st.", Some("2025-11-10"), &[("the 31st", "2025-10-31")]),
    // --- month alone
    ("Exports fell in March, the ministry said.", Some("2025-06-10"), &[("March", "2025-03")]),
    // A past-tense sentence: the latest March, not the nearest (which is next year's).
    ("Exports fell in March, the ministry said.", A, &[("March", "2025-03")]),
    ("Tariffs rose in April.", A, &[("April", "2025-04")]),
    ("Prices peaked in March 2020 before the slump.", A, &[("March 2020", "2020-03")]),
    ("Output should recover by mid-June.", Some("2025-05-02"), &[("mid-June", "2025-06")]),
    ("The plant restarts in early August.", Some("2025-07-20"), &[("early August", "2025-08")]),
    ("Orders slowed in late September 2024.", A, &[("late September 2024", "2024-09")]),
    ("Payments fell in December last year.", A, &[("December last year", "2024-12")]),
    ("The mine closed last September.", A, &[("last September", "2025-09")]),
    ("The mine closed last November.", A, &[("last November", "2024-11")]),
    ("Output resumes next March.", A, &[("next March", "2026-03")]),
    ("Shipments in March and April rose.", Some("2025-06-01"), &[("March", "2025-03"), ("April", "2025-04")]),
    ("The line has been idle since May.", A, &[("May", "2025-05")]),
    ("Sales rose between March and April 2004.", A, &[("March", "2004-03"), ("April 2004", "2004-04")]),
    ("Rains fell June-September 2024 across the plains.", A, &[("June", "2024-06"), ("September 2024", "2024-09")]),
    ("Deliveries slipped until the end of June.", Some("2025-08-01"), &[("June", "2025-06")]),
    // --- years
    ("Sales rose sharply in 2024.", A, &[("2024", "2024")]),
    ("The mine should be running by 2027.", None, &[("2027", "2027")]),
    // A year-like number with its Chinese scale is a count (二千万), not a year.
    ("越南开采了2000万桶原油。", None, &[]),
    ("2021年投资2025亿元。", None, &[("2021年", "2021")]),
    ("Its fiscal 2026 guidance was cut.", None, &[("2026", "2026")]),
    ("The 2025 regulations tighten export rules.", None, &[("2025", "2025")]),
    ("Construction ends in late 2026.", A, &[("late 2026", "2026")]),
    ("Output will double by mid-2027.", A, &[("mid-2027", "2027")]),
    ("The 2020-2025 plan was extended.", A, &[("2020", "2020"), ("2025", "2025")]),
    ("Profits in 2024's second half rose.", A, &[("2024", "2024")]),
    ("(2019) Reprinted.", None, &[("2019", "2019")]),
    // --- Chinese
    ("2025年10月28日，双方签署协议。", A, &[("2025年10月28日", "2025-10-28")]),
    ("会谈定于10月28日举行。", A, &[("10月28日", "2025-10-28")]),
    ("北京在9月18日宣布了新规。", A, &[("9月18日", "2025-09-18")]),
    ("2020年3月，疫情暴发。", A, &[("2020年3月", "2020-03")]),
    ("2021年的产量创新高。", A, &[("2021年", "2021")]),
    ("项目预计2025年中完工。", A, &[("2025年中", "2025")]),
    ("工厂将于2025年底前投产。", A, &[("2025年底", "2025")]),
    ("2025年初，公司重组。", A, &[("2025年初", "2025")]),
    ("2025年中国出口增长。", A, &[("2025年", "2025")]),
    ("二〇二五年十月二十八日，会议召开。", A, &[("二〇二五年十月二十八日", "2025-10-28")]),
    ("新规十二月起实施。", Some("2025-11-20"), &[("十二月", "2025-12")]),
    ("当地时间28日，代表团抵达。", A, &[("28日", "2025-10-28")]),
    ("项目10月底完成。", A, &[("10月底", "2025-10")]),
    ("2025年10月，出口增长。", None, &[("2025年10月", "2025-10")]),
    ("展会于10月22-24日举办。", A, &[("10月22-24日", "2025-10-22")]),
    ("会谈定于10月28号举行。", None, &[("10月28号", "--10-28")]),
    ("2024年度报告发布。", None, &[("2024年度", "2024")]),
    ("该国去年4月公布了新战略。", Some("2025-06-07"), &[("去年4月", "2024-04")]),
    ("今年6月15日起实施。", Some("2025-01-10"), &[("今年6月15日", "2025-06-15")]),
    ("明年1月生效，今年无变化。", A, &[("明年1月", "2026-01"), ("今年", "2025")]),
    ("去年，出口增长。", A, &[("去年", "2024")]),
    // --- mixed English and Chinese
    ("美国于October 20宣布了协议。", A, &[("October 20", "2025-10-20")]),
    ("In 2024, 出口增长；2025年目标更高。", A, &[("2024", "2024"), ("2025年", "2025")]),
    // --- weekdays (resolved to the nearest such day not after the anchor)
    ("Officials said on Monday that talks would resume.", Some("2025-10-29"), &[("Monday", "2025-10-27")]),
    ("The board met last Monday.", A, &[("last Monday", "2025-10-20")]),
    ("Bids are due by Friday.", Some("2025-10-29"), &[("Friday", "2025-10-31")]),
    ("Officials said on Monday that talks would resume.", None, &[]),
    // --- no anchor: partial dates stay partial, a lone month is dropped
    ("The talks began October 20.", None, &[("October 20", "--10-20")]),
    ("The talks began on the 28th.", None, &[("the 28th", "---28")]),
    ("Exports fell in March.", None, &[]),
    ("会谈定于10月28日举行。", None, &[("10月28日", "--10-28")]),
    ("Signed 1 January 2025.", None, &[("1 January 2025", "2025-01-01")]),
    ("The blockade began December 30.", None, &[("December 30", "--12-30")]),
    // --- negatives: nothing here is a date
    ("The F-35 fleet was grounded.", A, &[]),
    ("The H20 chip faces new curbs.", A, &[]),
    ("COVID-19 cases rose again.", A, &[]),
    ("The COVID-19 March lockdown ended.", A, &[]),
    ("The F-2025 prototype flew.", A, &[]),
    ("The council passed it by an 11-1 vote.", A, &[]),
    ("The fine was $2,025 in total.", A, &[]),
    ("The fine was $2025 in total.", A, &[]),
    ("The port handled 2025 tonnes of ore.", A, &[]),
    ("The quake struck at 08:47 local time.", A, &[]),
    ("It is now the 4th largest producer.", A, &[]),
    ("The treaty shaped the 20th century.", A, &[]),
    ("Revenue in Q4 beat forecasts.", A, &[]),
    ("As reported earlier [12], output fell.", A, &[]),
    ("She finished 3rd in the final.", A, &[]),
    ("He was the 12th man in the squad.", A, &[]),
    ("He came in the 5th round of voting.", A, &[]),
    ("The firm marks its 10th anniversary.", A, &[]),
    ("The town celebrated the 2nd anniversary.", A, &[]),
    ("He birdied the 13th, the 15th and the 18th.", A, &[]),
    ("A putt at the 9th. Then rain.", A, &[]),
    ("It was the 3rd time this year.", A, &[("this year", "2025")]),
    ("The team took 2nd place.", A, &[]),
    ("The 3rd Battalion moved north.", A, &[]),
    ("He was ranked 21st in the world.", A, &[]),
    ("The 1990s were turbulent.", A, &[]),
    ("Mayor Elsie May opened the bridge.", A, &[]),
    ("Prices may march higher in the autumn.", A, &[]),
    ("About 2000 protesters gathered.", A, &[]),
    ("More than 2025 applications arrived.", A, &[]),
    ("The plant employs 2025 people.", A, &[]),
    ("February 30 is not a date.", A, &[]),
    ("The ratio was 20:25 in favour.", A, &[]),
    ("The index closed at 2025.5 points.", A, &[]),
    ("The code FY2026 is internal.", A, &[]),
    ("Its September quarter figures were strong.", A, &[]),
    ("The airline's Oct. results disappointed.", A, &[]),
    ("The 1,900 staff were laid off.", A, &[]),
    ("会议在13月举行。", A, &[]),
    ("这座城市有近2000年的历史。", A, &[]),
    ("这是1990年代的事。", A, &[]),
    ("比赛第3日结束。", A, &[]),
    ("货物须在30日内付款。", A, &[]),
    ("这个项目花了三个月。", A, &[]),
    // --- issue 16: dates relative to the article's
    ("上月28日，双方签署协议。", A, &[("上月28日", "2025-09-28")]),
    ("下月5日起实施。", A, &[("下月5日", "2025-11-05")]),
    ("本月15日公布数据。", A, &[("本月15日", "2025-10-15")]),
    ("上个月出口下降。", A, &[("上个月", "2025-09")]),
    ("下月将召开会议。", A, &[("下月", "2025-11")]),
    ("上月28日签约。", Some("2025-01-10"), &[("上月28日", "2024-12-28")]),
    ("今天，央行宣布降息。", A, &[("今天", "2025-10-27")]),
    ("昨日股市大涨。", A, &[("昨日", "2025-10-26")]),
    ("前天发生地震。", A, &[("前天", "2025-10-25")]),
    ("后天将公布结果。", A, &[("后天", "2025-10-29")]),
    ("明天开始执行。", A, &[("明天", "2025-10-28")]),
    ("上周一，代表团抵达。", A, &[("上周一", "2025-10-20")]),
    ("下周二举行会谈。", A, &[("下周二", "2025-11-04")]),
    ("本周三发布报告。", A, &[("本周三", "2025-10-29")]),
    ("上星期五股市下跌。", A, &[("上星期五", "2025-10-24")]),
    ("这周日举行投票。", A, &[("这周日", "2025-11-02")]),
    ("去年出口增长5%。", A, &[("去年", "2024")]),
    ("今年产量创新高。", A, &[("今年", "2025")]),
    ("明年将投产。", A, &[("明年", "2026")]),
    ("前年亏损严重。", A, &[("前年", "2023")]),
    ("去年出口增长。", Some("2026-01-05"), &[("去年", "2025")]),
    ("上周出口增长。", A, &[]),
    ("今天的会议取消。", None, &[]),
    // English words relative to the article's date
    ("Sales rose 5% last year.", A, &[("last year", "2024")]),
    ("Output will double this year.", A, &[("this year", "2025")]),
    ("The plant opens next year.", A, &[("next year", "2026")]),
    ("Talks resume next month.", A, &[("next month", "2025-11")]),
    ("Prices fell last month.", A, &[("last month", "2025-09")]),
    ("Exports rose this month.", A, &[("this month", "2025-10")]),
    ("The bank cut rates today.", A, &[("today", "2025-10-27")]),
    ("The minister resigned yesterday.", A, &[("yesterday", "2025-10-26")]),
    ("Voting starts tomorrow.", A, &[("tomorrow", "2025-10-28")]),
    ("The board meets this Friday.", A, &[("this Friday", "2025-10-31")]),
    ("Talks resume Friday next week.", A, &[("Friday next week", "2025-11-07")]),
    ("The deal closed Monday last week.", A, &[("Monday last week", "2025-10-20")]),
    ("Prices rose over the last year.", A, &[]),
    ("Sales grew in the past month.", A, &[]),
    ("This is the year of change.", A, &[]),
    ("The plant opens next year.", None, &[]),
    ("Output rose last year.", Some("2026-01-02"), &[("last year", "2025")]),
    // A weekday with its date is the date
    ("Talks open on Monday, January 12.", A, &[("Monday, January 12", "2026-01-12")]),
    ("The vote was held on Tuesday, October 21.", A, &[("Tuesday, October 21", "2025-10-21")]),
    ("It ends Friday, 5 December 2025.", A, &[("Friday, 5 December 2025", "2025-12-05")]),
    ("On Wednesday, Oct. 22, the firm said so.", A, &[("Wednesday, Oct. 22", "2025-10-22")]),
    ("The summit starts Thursday, November 6.", A, &[("Thursday, November 6", "2025-11-06")]),
    // A past-tense sentence takes the latest such date, not the nearest
    ("The company announced on April 4 that it would sell.", Some("2025-11-20"), &[("April 4", "2025-04-04")]),
    ("Prices fell on April 4.", Some("2025-11-20"), &[("April 4", "2025-04-04")]),
    ("Deliveries begin on April 4.", Some("2025-11-20"), &[("April 4", "2026-04-04")]),
    ("Exports dropped in May.", Some("2025-12-15"), &[("May", "2025-05")]),
    ("The firm was sold on the 30th.", Some("2025-11-10"), &[("the 30th", "2025-10-30")]),
    ("The deal was signed on March 3.", Some("2025-09-30"), &[("March 3", "2025-03-03")]),
    ("The deal will be signed on March 3.", Some("2025-09-30"), &[("March 3", "2026-03-03")]),
    ("Trading halted on October 29.", A, &[("October 29", "2025-10-29")]),
    // The sentence is cut at any sentence end, a line break too: the line before
    // speaks of next week, this one of the past
    ("The vote is on Friday next week.\nThe firm said on April 4 it had sold the unit.", Some("2025-11-20"), &[("Friday next week", "2025-11-28"), ("April 4", "2025-04-04")]),
    ("Talks resume next month!\n\nOutput fell on May 2.", Some("2025-11-20"), &[("next month", "2025-12"), ("May 2", "2025-05-02")]),
    ("Plans will follow? Exports dropped on June 9.", Some("2025-11-20"), &[("June 9", "2025-06-09")]),
    ("新厂明年投产。The plant was opened on March 8.", Some("2025-11-20"), &[("明年", "2026"), ("March 8", "2025-03-08")]),
    ("Deliveries were late.\nShipments will resume on April 4.", Some("2025-11-20"), &[("April 4", "2026-04-04")]),
    // Numeric dates: a part over 12 settles the order; otherwise the publisher's
    // (day first by default: see `day_order`)
    ("Filed 13/4/2025 in court.", A, &[("13/4/2025", "2025-04-13")]),
    ("Filed 4/13/2025 in court.", A, &[("4/13/2025", "2025-04-13")]),
    ("Filed 3/4/2025 in court.", A, &[("3/4/2025", "2025-04-03")]),
    ("Filed 5/5/2025 in court.", A, &[("5/5/2025", "2025-05-05")]),
    ("Filed 31/12/2024 in court.", A, &[("31/12/2024", "2024-12-31")]),
    ("A ratio of 3/4 was cited.", A, &[]),
    // Dots put the day first wherever they are written.
    ("Filed 03.04.2025 in court.", A, &[("03.04.2025", "2025-04-03")]),
    ("Filed 28.10.2025 in court.", A, &[("28.10.2025", "2025-10-28")]),
    ("Filed 12.31.2024 in court.", A, &[]),
    ("Shares rose 3.5 on the day.", A, &[]),
    ("The talks end Friday next week.", Some("2025-10-30"), &[("Friday next week", "2025-11-07")]),
    ("Bids close Tuesday this week.", A, &[("Tuesday this week", "2025-10-28")]),
    ("The fund pays out this Monday.", Some("2025-10-29"), &[("this Monday", "2025-10-27")]),
    ("We meet this Sunday.", A, &[("this Sunday", "2025-11-02")]),
    ("下周五公布结果。", Some("2025-10-30"), &[("下周五", "2025-11-07")]),
    ("上个月28日发生事故。", A, &[("上个月28日", "2025-09-28")]),
    ("The deal closed yesterday.", Some("2025-03-01"), &[("yesterday", "2025-02-28")]),
    ("Losses were estimated in the year ending March 31.", Some("1987-03-01"), &[("March 31", "1987-03-31")]),
    ("The rate rises if delayed beyond April 30.", Some("1987-03-01"), &[("April 30", "1987-04-30")]),
    // --- spans of months: both ends, one year, in order
    ("Forecasters expect June-September rainfall near normal.", Some("2025-04-16"), &[("June", "2025-06"), ("September", "2025-09")]),
    ("Output from June to September fell.", Some("2025-12-01"), &[("June", "2025-06"), ("September", "2025-09")]),
    ("Heating demand for November–February is high.", Some("2025-10-01"), &[("November", "2025-11"), ("February", "2026-02")]),
    ("Sales for November to February 2025 were weak.", Some("2025-04-01"), &[("November", "2024-11"), ("February 2025", "2025-02")]),
    ("预计今年6月至9月降雨偏多。", Some("2025-04-17"), &[("今年6月", "2025-06"), ("9月", "2025-09")]),
    ("The office said on April 15 that rain from June to September would be normal.", Some("2025-04-16"), &[("April 15", "2025-04-15"), ("June", "2025-06"), ("September", "2025-09")]),
    ("Prices rose from June 2023 to September 2025.", Some("2025-12-01"), &[("June 2023", "2023-06"), ("September 2025", "2025-09")]),
    ("That June was wet.", Some("2025-04-16"), &[]),
    // --- text ending mid-date
    ("The deadline is October", A, &[]),
    ("It happened on the 28", A, &[]),
    ("Signed on 2025年10", A, &[("2025年", "2025")]),
    ("The memo is dated 2025-10-", A, &[("2025", "2025")]),
    ("Talks began Oct.", A, &[]),
];

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test anchor")
}

#[test]
fn table() {
    let (mut passed, mut failed) = (0, 0);
    for (text, anchor, want) in ROWS {
        let got: Vec<(String, String)> = scan_dates(text, anchor.map(date))
            .into_iter()
            .map(|(r, v)| (text.get(r).unwrap_or("<bad range>").to_string(), v.render()))
            .collect();
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(t, v)| (t.to_string(), v.to_string()))
            .collect();
        if got == want {
            passed += 1;
        } else {
            failed += 1;
            println!("FAIL {text:?} (anchor {anchor:?})\n  want {want:?}\n  got  {got:?}");
        }
    }
    println!("dates: {passed} passed, {failed} failed");
    assert!(ROWS.len() >= 200);
    assert_eq!(failed, 0, "dates: {passed} passed, {failed} failed");
}

/// Numeric dates in the publisher's order: month first for the lexicon's
/// `mdy_publisher`s, day first for the rest, unread when ambiguous and unknown.
#[test]
fn numeric_dates_follow_the_publisher() {
    assert_eq!(day_order(Some("AP")), DayOrder::Mdy);
    assert_eq!(day_order(Some("the new york times")), DayOrder::Mdy);
    assert_eq!(day_order(Some("Reuters")), DayOrder::Dmy);
    assert_eq!(day_order(None), DayOrder::Dmy);
    let read = |text: &str, order| -> Vec<String> {
        scan_dates_in(text, Some(date("2025-10-27")), order)
            .into_iter()
            .map(|(_, v)| v.render())
            .collect()
    };
    assert_eq!(read("Filed 3/4/2025.", DayOrder::Mdy), ["2025-03-04"]);
    assert_eq!(read("Filed 3/4/2025.", DayOrder::Dmy), ["2025-04-03"]);
    assert!(read("Filed 3/4/2025.", DayOrder::Unknown).is_empty());
    assert_eq!(read("Filed 3/14/2025.", DayOrder::Unknown), ["2025-03-14"]);
    assert_eq!(read("Filed 14/3/2025.", DayOrder::Mdy), ["2025-03-14"]);
    assert_eq!(read("Filed 12/11/2025.", DayOrder::Mdy), ["2025-12-11"]);
    assert!(read("Filed 13/13/2025.", DayOrder::Mdy).is_empty());
}

/// Ranges are ordered, disjoint and on char boundaries.
fn check_ranges(text: &str) {
    let mut last = 0;
    for (r, _) in scan_dates(text, Some(date("2025-10-27"))) {
        assert!(r.start >= last && r.start < r.end, "{r:?} in {text:?}");
        assert!(
            text.get(r.clone()).is_some(),
            "{r:?} off char boundary in {text:?}"
        );
        last = r.end;
    }
}

#[test]
fn long_numbers_and_runs() {
    let digits = "7".repeat(10_000);
    assert!(scan_dates(&digits, None).is_empty());
    let run = "1-".repeat(5_000);
    assert!(scan_dates(&run, Some(date("2025-10-27"))).is_empty());
    let slashes = "2025/".repeat(3_000);
    check_ranges(&slashes);
    let ords = "the 1st ".repeat(3_000);
    check_ranges(&ords);
    // A date in the middle of a long number is not a date.
    let glued = format!("{digits}2025-10-28{digits}");
    assert!(scan_dates(&glued, None).is_empty());
}

#[test]
fn every_prefix_of_dates() {
    let text = "On October 19, 2024 and 20 Oct. 2025, the 28th of May; 2025年10月28日、二〇二五年十二月三十一日。";
    for (i, _) in text.char_indices() {
        check_ranges(&text[..i]);
        check_ranges(&text[i..]);
    }
}

#[test]
fn cjk_only_text() {
    let text = "年月日年年月月日日十月十二月三十一日〇〇〇〇年中底初末号份旬".repeat(200);
    check_ranges(&text);
    let found = scan_dates("十月十二月三十一日", Some(date("2025-10-27")));
    let texts: Vec<&str> = found
        .iter()
        .filter_map(|(r, _)| "十月十二月三十一日".get(r.clone()))
        .collect();
    assert_eq!(texts, ["十月", "十二月三十一日"]);
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(s in "[0-9a-zA-Z .,:/年月日号十二三〇-]{0,80}") {
        check_ranges(&s);
        let _ = scan_dates(&s, None);
    }

    #[test]
    fn any_unicode(s in "\\PC{0,60}") {
        check_ranges(&s);
    }
}

/// The byline's publisher decides numeric dates in the whole pipeline, not only in
/// `scan_dates_in`: 3/4/2025 is March 4 from a month-first publisher, 3 April otherwise.
#[test]
fn articles_read_numeric_dates_as_their_publisher_writes_them() {
    use claimcheck::{claims, read};
    let kb = claimcheck::kb::builtin().expect("built-in knowledge base");
    // The body's dates (the byline's own date is a claim too).
    let dates = |publisher: &str| -> Vec<String> {
        let raw = format!("Filing\n{publisher}·2025-05-01 09:00\n\nThe plan was filed 3/4/2025.\n");
        let (file, sources) = read::parse("a.txt", raw);
        claims::extract(&kb, &[file], &sources)
            .into_iter()
            .filter_map(|c| match c.kind {
                claims::Kind::Date(d) => Some(d.value.render()),
                _ => None,
            })
            .filter(|d| d != "2025-05-01")
            .collect()
    };
    assert_eq!(dates("The New York Times"), ["2025-03-04"]);
    assert_eq!(dates("AP"), ["2025-03-04"]);
    assert_eq!(dates("Reuters"), ["2025-04-03"]);
    assert_eq!(dates("Example Wire"), ["2025-04-03"]);
}
