//! Quantity scanning: a table of expressions with the quantity each must yield (or must
//! not yield), a property test that rendered numbers read back, and robustness checks.

use claimcheck::normalize::{Change, Qty, Qualifier, scan_quantities};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// One table row: a sentence, the span expected, and the expected fields.
///
/// `span` is the matched text; `"!"` means no quantity at all, `"!x"` means no quantity
/// whose span contains `x`. `spec` lists `key=value` pairs: `v` (value), `lo`, `hi`, `u`
/// (unit name), `per`, `q` (qualifier), `ch` (change: From, To, By or `-`), `noun`. A
/// field not listed must be None, except `lo` and `hi`, which default to `v`, and `ch`,
/// which is checked only where listed; `-` writes None explicitly.
type Row = (&'static str, &'static str, &'static str);

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // Seed expressions.
    ("The two governments signed an $8.5 billion agreement.", "$8.5 billion", "v=8.5e9 u=USD"),
    ("Lenders have provided $2.2 billion in financing.", "$2.2 billion", "v=2.2e9 u=USD"),
    ("Each side will put in at least $1 billion.", "at least $1 billion", "v=1e9 hi=- u=USD q=AtLeast"),
    ("They plan a 100-ton refinery near the coast.", "100-ton", "v=100 u=t"),
    ("Turnout hit 92% on Sunday.", "92%", "v=92 u=percent"),
    ("Over 90% of the output goes abroad.", "Over 90%", "v=90 hi=- u=percent q=Over"),
    ("The mine shipped 270,000 tons last year.", "270,000 tons", "v=270000 u=t"),
    ("Known reserves total 44 million tons.", "44 million tons", "v=44e6 u=t"),
    ("Delivery usually takes four to six weeks.", "four to six weeks", "v=- lo=4 hi=6 u=week"),
    ("Margins of 40% to 50% are typical.", "40% to 50%", "v=- lo=40 hi=50 u=percent"),
    ("Payback takes 5-8 years for most sites.", "5-8 years", "v=- lo=5 hi=8 u=year"),
    ("Only one-tenth of the ore is usable.", "one-tenth", "v=0.1"),
    ("The metal is 99.9999% pure.", "99.9999%", "v=99.9999 u=percent"),
    ("Impurities make up 0.1% of the mass.", "0.1%", "v=0.1 u=percent"),
    ("The ministry counts nearly 2,000 weapon systems.", "nearly 2,000 weapon systems", "v=2000 lo=- q=Nearly noun=weapon systems"),
    ("审批一般需要四到六周。", "四到六周", "v=- lo=4 hi=6 u=week"),
    ("新厂年产量达27万吨。", "27万吨", "v=270000 u=t"),
    ("The company expects a charge of about $5.5 billion.", "about $5.5 billion", "v=5.5e9 u=USD q=About"),
    ("公司预计将计提约55亿美元的费用。", "约55亿美元", "v=5.5e9 u=USD q=About"),
    ("The new rule may cost it up to 800 million dollars.", "up to 800 million dollars", "v=8e8 lo=- u=USD q=UpTo"),
    ("The bid values the group at $6.7bn.", "$6.7bn", "v=6.7e9 u=USD"),
    ("The offer totals US$6,700 million in cash.", "US$6,700 million", "v=6.7e9 u=USD"),
    ("收购总价为67亿美元。", "67亿美元", "v=6.7e9 u=USD"),
    ("收购方报价为每股5.85美元。", "每股5.85美元", "v=5.85 u=USD per=share"),
    ("Holders get $5.85 per share in cash.", "$5.85 per share", "v=5.85 u=USD per=share"),
    ("Output reached 180,000 tonnes in the year.", "180,000 tonnes", "v=180000 u=t"),
    ("The venture adds 280,000 to 300,000 tonnes of output.", "280,000 to 300,000 tonnes", "v=- lo=280000 hi=300000 u=t"),
    ("名单此次新增约40个实体。", "约40个实体", "v=40 q=About noun=实体"),
    ("百分之九十六的受访者表示同意。", "百分之九十六", "v=96 u=percent"),
    ("The ratio stood at 105% last month.", "105%", "v=105 u=percent"),
    ("Support was about thirty-five percent in March.", "about thirty-five percent", "v=35 u=percent q=About"),
    ("支持率在百分之三十五左右。", "百分之三十五左右", "v=35 u=percent q=About"),
    ("Imports fell nearly 40 per cent this spring.", "nearly 40 per cent", "v=40 lo=- u=percent q=Nearly"),
    ("Plant utilisation is about 80% now.", "about 80%", "v=80 u=percent q=About"),
    ("央行宣布降息50个基点。", "50个基点", "v=0.5 u=percentage_point"),
    ("The bank cut rates by half a percentage point.", "half a percentage point", "v=0.5 u=percentage_point"),
    ("Markets now price in a quarter-point cut.", "a quarter-point", "v=0.25 u=percentage_point"),
    ("The new target range is 4.75%-5%.", "4.75%-5%", "v=- lo=4.75 hi=5 u=percent"),
    ("新的目标区间为4.75%至5.00%。", "4.75%至5.00%", "v=- lo=4.75 hi=5 u=percent"),
    ("The policy rate now sits at 4.25%-4.5%.", "4.25%-4.5%", "v=- lo=4.25 hi=4.5 u=percent"),
    ("该项目投资最高可达41亿欧元。", "最高可达41亿欧元", "v=4.1e9 lo=- u=EUR q=UpTo"),
    ("The plant is worth more than 4 billion euros.", "more than 4 billion euros", "v=4e9 hi=- u=EUR q=Over"),
    ("The partners will spend up to €4.1bn on it.", "up to €4.1bn", "v=4.1e9 lo=- u=EUR q=UpTo"),
    ("Ramp-up usually takes 3-5 years.", "3-5 years", "v=- lo=3 hi=5 u=year"),
    ("Full output needs about four years.", "about four years", "v=4 u=year q=About"),
    ("Capacity could reach up to 50 GWh.", "up to 50 GWh", "v=50 lo=- u=GWh q=UpTo"),
    ("该厂年产能为120万吨。", "120万吨", "v=1.2e6 u=t"),
    ("Exports were 1.2 million tonnes in total.", "1.2 million tonnes", "v=1.2e6 u=t"),
    ("The floor price is $490 per tonne.", "$490 per tonne", "v=490 u=USD per=t"),
    ("出口最低价格为每吨490美元。", "每吨490美元", "v=490 u=USD per=t"),
    ("The grid upgrade needs hundreds of billions of dollars.", "hundreds of billions of dollars", "v=- lo=1e11 hi=1e12 u=USD"),
    // Number forms.
    ("增速为百分之零点九。", "百分之零点九", "v=0.9 u=percent"),
    ("出生率为5‰。", "5‰", "v=0.5 u=percent"),
    ("The rate was 7.5‰ last year.", "7.5‰", "v=0.75 u=percent"),
    ("产量为零点五吨。", "零点五吨", "v=0.5 u=t"),
    ("增幅为三点零五个百分点。", "三点零五个百分点", "v=3.05 u=percentage_point"),
    ("零关税政策明年生效。", "!", ""),
    ("Emissions were 1.8m metric tons last year.", "1.8m metric tons", "v=1.8e6 u=t"),
    ("Output came to 100m barrels in 2022.", "100m barrels", "v=1e8 noun=barrels"),
    ("She won the 100m final in 9.8 seconds.", "!100m", ""),
    ("The 400m runners lined up.", "!", ""),
    ("The depot stores 1,234.5 units of fuel.", "1,234.5 units of fuel", "v=1234.5 noun=units of fuel"),
    ("The index closed at 1,234,567 points.", "1,234,567 points", "v=1234567 noun=points"),
    ("They hired twenty-five engineers.", "twenty-five engineers", "v=25 noun=engineers"),
    ("A dozen suppliers signed up.", "A dozen suppliers", "v=12 noun=suppliers"),
    ("Prices doubled in two-thirds of the regions.", "two-thirds", "v=0.6666666666666666"),
    ("The new price is twice the old one.", "twice", "v=2"),
    ("The plan spans a decade.", "a decade", "v=10 u=year"),
    ("Rates may fall a quarter of a percentage point.", "a quarter of a percentage point", "v=0.25 u=percentage_point"),
    ("Thirty-five companies joined the group.", "Thirty-five companies", "v=35 noun=companies"),
    ("Two hundred and fifty people attended.", "Two hundred and fifty people", "v=250 noun=people"),
    ("A hundred firms applied for grants.", "A hundred firms", "v=100 noun=firms"),
    ("Some 300 staff were hired.", "Some 300 staff", "v=300 q=About noun=staff"),
    ("Nearly three quarters of the voters agreed.", "Nearly three quarters", "v=0.75 lo=- q=Nearly"),
    ("The fund now holds $2.5 trillion.", "$2.5 trillion", "v=2.5e12 u=USD"),
    ("Public debt reached $1.2tn.", "$1.2tn", "v=1.2e12 u=USD"),
    ("A $50k grant was paid out.", "$50k", "v=50000 u=USD"),
    ("Costs rose to £800m this year.", "£800m", "v=8e8 u=GBP"),
    ("The buyback is worth $3 bn.", "$3 bn", "v=3e9 u=USD"),
    ("It raised 2 mln dlrs from investors.", "2 mln dlrs", "v=2e6 u=USD"),
    ("Four billion euros were pledged.", "Four billion euros", "v=4e9 u=EUR"),
    ("A million people moved away.", "A million people", "v=1e6 noun=people"),
    ("Half a million homes lost power.", "Half a million homes", "v=5e5 noun=homes"),
    ("They sold two and a half million cars.", "two and a half million cars", "v=2.5e6 noun=cars"),
    ("The build took 2 and a half years.", "2 and a half years", "v=2.5 u=year"),
    ("The budget is 7.25 billion dollars.", "7.25 billion dollars", "v=7.25e9 u=USD"),
    ("The loan was 0.75 million euros.", "0.75 million euros", "v=750000 u=EUR"),
    ("Costs reached $12,345,678.90 by June.", "$12,345,678.90", "v=12345678.9 u=USD"),
    ("Two hundred thousand people marched.", "Two hundred thousand people", "v=200000 noun=people"),
    ("共有四十四个国家参加。", "四十四个国家", "v=44 noun=国家"),
    ("该市常住人口约为二十七万。", "约为二十七万", "v=270000 q=About"),
    ("项目预计两年内完成。", "两年", "v=2 u=year"),
    ("计划总投资1.2万亿元。", "1.2万亿元", "v=1.2e12 u=CNY"),
    ("今年新增120万个岗位。", "120万个岗位", "v=1.2e6 noun=岗位"),
    ("订单金额达三千五百万美元。", "三千五百万美元", "v=3.5e7 u=USD"),
    ("全年亏损一百零五亿元。", "一百零五亿元", "v=1.05e10 u=CNY"),
    ("工厂现有三百名工人。", "三百名工人", "v=300 noun=工人"),
    ("该矿已运营十五年。", "十五年", "v=15 u=year"),
    ("交易规模约三点五亿美元。", "约三点五亿美元", "v=3.5e8 u=USD q=About"),
    ("出口额增长了百分之二十。", "百分之二十", "v=20 u=percent"),
    ("不良率仅占百分之0.5。", "百分之0.5", "v=0.5 u=percent"),
    ("行业需要数十亿美元的投资。", "数十亿美元", "v=- lo=2e9 hi=9e9 u=USD"),
    ("已有几百家企业提交申请。", "几百家企业", "v=- lo=200 hi=900 noun=企业"),
    ("公司拥有两千名员工。", "两千名员工", "v=2000 noun=员工"),
    ("预算为三亿五千万元。", "三亿五千万元", "v=3.5e8 u=CNY"),
    // Currencies.
    ("The state added an A$2 billion fund.", "A$2 billion", "v=2e9 u=AUD"),
    ("Ottawa offered C$1.5 billion in loans.", "C$1.5 billion", "v=1.5e9 u=CAD"),
    ("The deal is valued at HK$3 billion.", "HK$3 billion", "v=3e9 u=HKD"),
    ("Wellington set aside NZ$2 million.", "NZ$2 million", "v=2e6 u=NZD"),
    ("Brussels approved €44 million in aid.", "€44 million", "v=44e6 u=EUR"),
    ("London lost £5.2bn in revenue.", "£5.2bn", "v=5.2e9 u=GBP"),
    ("Tokyo approved a ¥300 billion package for farmers.", "¥300 billion", "v=3e11 u=JPY"),
    ("营收为¥50亿元。", "¥50亿元", "v=5e9 u=CNY"),
    ("中国公司为此拿出¥20亿。", "¥20亿", "v=2e9 u=CNY"),
    ("The unit sold bonds worth USD 5 million.", "USD 5 million", "v=5e6 u=USD"),
    ("It issued RMB 3 billion of notes.", "RMB 3 billion", "v=3e9 u=CNY"),
    ("The subsidy is 5 billion yuan.", "5 billion yuan", "v=5e9 u=CNY"),
    ("The order was 300 billion yen.", "300 billion yen", "v=3e11 u=JPY"),
    ("The plant cost 9.6 billion dollars.", "9.6 billion dollars", "v=9.6e9 u=USD"),
    ("The fine was 12 million euros.", "12 million euros", "v=12e6 u=EUR"),
    ("日本将投资5000亿日元。", "5000亿日元", "v=5e11 u=JPY"),
    ("澳大利亚拨款20亿澳元。", "20亿澳元", "v=2e9 u=AUD"),
    ("监管机构罚款10亿英镑。", "10亿英镑", "v=1e9 u=GBP"),
    ("公司融资人民币100亿元。", "人民币100亿元", "v=1e10 u=CNY"),
    ("公司获得66亿美元的直接资金。", "66亿美元", "v=6.6e9 u=USD"),
    ("The board paid 40 cents a share.", "40 cents a share", "v=0.4 u=USD per=share"),
    ("Sales could reach €30-35 billion.", "€30-35 billion", "v=- lo=3e10 hi=3.5e10 u=EUR"),
    ("Capex will be $700 million to $800 million.", "$700 million to $800 million", "v=- lo=7e8 hi=8e8 u=USD"),
    ("Sales of between €30 billion and €35 billion are expected.", "between €30 billion and €35 billion", "v=- lo=3e10 hi=3.5e10 u=EUR"),
    ("The 2030 goal is €44 billion to €60 billion.", "€44 billion to €60 billion", "v=- lo=4.4e10 hi=6e10 u=EUR"),
    ("Its US pledge rose to US$165 billion.", "US$165 billion", "v=1.65e11 u=USD"),
    ("The Swiss unit spent 20 million Swiss francs.", "20 million Swiss francs", "v=2e7 u=CHF"),
    ("Fares rose to 3 pounds.", "3 pounds", "v=3 u=GBP"),
    ("韩国投入5万亿韩元。", "5万亿韩元", "v=5e12 u=KRW"),
    ("港府拨款30亿港元。", "30亿港元", "v=3e9 u=HKD"),
    ("政府預算為5000億円。", "5000億円", "v=5e11 u=JPY"),
    ("投資三億五千萬美元。", "三億五千萬美元", "v=3.5e8 u=USD"),
    ("It signed a $5.5-billion deal.", "$5.5-billion", "v=5.5e9 u=USD"),
    ("A 1.5 million-tonne mine opened.", "1.5 million-tonne", "v=1.5e6 u=t"),
    ("It took a 40%-50% stake.", "40%-50%", "v=- lo=40 hi=50 u=percent"),
    ("Bonds worth $1.5 billion-$2 billion sold.", "$1.5 billion-$2 billion", "v=- lo=1.5e9 hi=2e9 u=USD"),
    ("It is 10%-owned by the state.", "10%", "v=10 u=percent"),
    ("They built 2025 tonnes of stock.", "2025 tonnes", "v=2025 u=t"),
    ("About a third of the plants closed.", "About a third", "v=0.3333333333333333 q=About"),
    ("出口占比约百分之三点五。", "约百分之三点五", "v=3.5 u=percent q=About"),
    // Percent and percentage points.
    ("Inflation was 2.7% in May.", "2.7%", "v=2.7 u=percent"),
    ("Growth slowed to 3 percent.", "3 percent", "v=3 u=percent"),
    ("Costs rose 12 pct in the quarter.", "12 pct", "v=12 u=percent"),
    ("Yields rose 15 basis points.", "15 basis points", "v=0.15 u=percentage_point"),
    ("The Fed cut by 50bp.", "50bp", "v=0.5 u=percentage_point"),
    ("It was a 25-basis-point cut.", "25-basis-point", "v=0.25 u=percentage_point"),
    ("Joblessness rose 0.3 percentage point.", "0.3 percentage point", "v=0.3 u=percentage_point"),
    ("Margins fell 2 percentage points.", "2 percentage points", "v=2 u=percentage_point"),
    ("一季度GDP增长5.3%。", "5.3%", "v=5.3 u=percent"),
    ("利率下调0.25个百分点。", "0.25个百分点", "v=0.25 u=percentage_point"),
    ("美联储下调25基点。", "25基点", "v=0.25 u=percentage_point"),
    ("Analysts expect a half-point cut.", "a half-point", "v=0.5 u=percentage_point"),
    ("It was a full percentage point higher.", "a full percentage point", "v=1 u=percentage_point"),
    ("Rates went up by a half point.", "a half point", "v=0.5 u=percentage_point"),
    ("The spread narrowed three-quarters of a percentage point.", "three-quarters of a percentage point", "v=0.75 u=percentage_point"),
    ("出口占比超过50%。", "超过50%", "v=50 hi=- u=percent q=Over"),
    ("不到5%的企业盈利。", "不到5%", "v=5 lo=- u=percent q=LessThan"),
    ("占比从百分之三十至百分之四十不等。", "百分之三十至百分之四十", "v=- lo=30 hi=40 u=percent"),
    ("份额在30%到40%之间。", "30%到40%", "v=- lo=30 hi=40 u=percent"),
    ("Stakes of 5% or more must be disclosed.", "5% or more", "v=5 hi=- u=percent q=AtLeast"),
    ("Prices fell 10% or so.", "10% or so", "v=10 u=percent q=About"),
    ("Growth is 1.5-2.5% a year.", "1.5-2.5% a year", "v=- lo=1.5 hi=2.5 u=percent per=year"),
    // Mass, energy and durations.
    ("A 50,000-tonne vessel docked.", "50,000-tonne", "v=50000 u=t"),
    ("They moved 2.5 metric tons of ore.", "2.5 metric tons", "v=2.5 u=t"),
    ("It burns 500 kg of fuel.", "500 kg", "v=500 u=kg"),
    ("Rice comes in 20kg bags.", "20kg", "v=20 u=kg"),
    ("The probe weighs 100 kilograms.", "100 kilograms", "v=100 u=kg"),
    ("年产300万吨铁矿石。", "300万吨", "v=3e6 u=t"),
    ("每袋重15公斤。", "15公斤", "v=15 u=kg"),
    ("The pack stores 200 MWh.", "200 MWh", "v=0.2 u=GWh"),
    ("The country used 2 TWh.", "2 TWh", "v=2000 u=GWh"),
    ("电池储能容量达100GWh。", "100GWh", "v=100 u=GWh"),
    ("The licence lasts 180 days.", "180 days", "v=180 u=day"),
    ("The talks took six months.", "six months", "v=6 u=month"),
    ("Repairs need three weeks.", "three weeks", "v=3 u=week"),
    ("The strike lasted 48 hours.", "48 hours", "v=48 u=hour"),
    ("The project took two decades.", "two decades", "v=20 u=year"),
    ("审查需要5天。", "5天", "v=5 u=day"),
    ("停工3周。", "3周", "v=3 u=week"),
    ("试点为期6个月。", "6个月", "v=6 u=month"),
    ("合同期限为10年。", "10年", "v=10 u=year"),
    ("全天24小时运行。", "24小时", "v=24 u=hour"),
    ("They adopted a five-year plan.", "five-year", "v=5 u=year"),
    ("There is a 30-day window.", "30-day", "v=30 u=day"),
    ("The route saves 12 hours.", "12 hours", "v=12 u=hour"),
    // Per.
    ("Spot prices fell to 80,000 yuan per tonne.", "80,000 yuan per tonne", "v=80000 u=CNY per=t"),
    ("Buyers paid $490 a tonne.", "$490 a tonne", "v=490 u=USD per=t"),
    ("The subsidy costs $5 billion a year.", "$5 billion a year", "v=5e9 u=USD per=year"),
    ("Crude traded at $70 a barrel.", "$70 a barrel", "v=70 u=USD per=barrel"),
    ("离岸价为490美元/吨。", "490美元/吨", "v=490 u=USD per=t"),
    ("收购价为每吨8万元。", "每吨8万元", "v=80000 u=CNY per=t"),
    ("工资涨幅为每年5%。", "每年5%", "v=5 u=percent per=year"),
    ("Aid was 2,000 dollars per person.", "2,000 dollars per person", "v=2000 u=USD per=person"),
    ("Saffron sells at $12 per kilogram.", "$12 per kilogram", "v=12 u=USD per=kg"),
    ("The field pumps 2 million barrels per day.", "2 million barrels per day", "v=2e6 per=day noun=barrels"),
    ("Fees are €3 per vehicle.", "€3 per vehicle", "v=3 u=EUR per=vehicle"),
    // Ranges.
    ("The panel will pick between 3 and 5.", "between 3 and 5", "v=- lo=3 hi=5"),
    ("The board has between 3 and 5 seats open.", "between 3 and 5 seats", "v=- lo=3 hi=5 noun=seats"),
    ("维修需要4至6周。", "4至6周", "v=- lo=4 hi=6 u=week"),
    ("建设期为三到五年。", "三到五年", "v=- lo=3 hi=5 u=year"),
    ("They expect 10 to 20 companies to bid.", "10 to 20 companies", "v=- lo=10 hi=20 noun=companies"),
    ("Output may add 1 to 2 million barrels.", "1 to 2 million barrels", "v=- lo=1e6 hi=2e6 noun=barrels"),
    ("Stocks hold 900,000 to 1.2 million tonnes.", "900,000 to 1.2 million tonnes", "v=- lo=9e5 hi=1.2e6 u=t"),
    ("投资规模为30亿至35亿美元。", "30亿至35亿美元", "v=- lo=3e9 hi=3.5e9 u=USD"),
    ("The cost is put at $5-6 billion.", "$5-6 billion", "v=- lo=5e9 hi=6e9 u=USD"),
    ("Shipping takes 2–3 weeks.", "2–3 weeks", "v=- lo=2 hi=3 u=week"),
    ("Approval takes between four and six months.", "between four and six months", "v=- lo=4 hi=6 u=month"),
    ("A build takes about 3-5 years.", "about 3-5 years", "v=- lo=3 hi=5 u=year q=About"),
    ("Shares of 40 to 50% are common.", "40 to 50%", "v=- lo=40 hi=50 u=percent"),
    ("The lag is 6~8 weeks.", "6~8 weeks", "v=- lo=6 hi=8 u=week"),
    ("It hired 1,000-2,000 workers.", "1,000-2,000 workers", "v=- lo=1000 hi=2000 noun=workers"),
    // Qualifiers.
    ("It listed more than 140 entities.", "more than 140 entities", "v=140 hi=- q=Over noun=entities"),
    ("Inflation stayed above 3%.", "above 3%", "v=3 hi=- u=percent q=Over"),
    ("At least 20 firms applied.", "At least 20 firms", "v=20 hi=- q=AtLeast noun=firms"),
    ("No fewer than 12 ships sailed.", "No fewer than 12 ships", "v=12 hi=- q=AtLeast noun=ships"),
    ("It could lose as much as $2 billion.", "as much as $2 billion", "v=2e9 lo=- u=USD q=UpTo"),
    ("As many as 500 jobs may go.", "As many as 500 jobs", "v=500 lo=- q=UpTo noun=jobs"),
    ("The fine was less than $1 million.", "less than $1 million", "v=1e6 lo=- u=USD q=LessThan"),
    ("Fewer than 10 plants remain.", "Fewer than 10 plants", "v=10 lo=- q=LessThan noun=plants"),
    ("Unemployment is under 5%.", "under 5%", "v=5 lo=- u=percent q=LessThan"),
    ("Prices dropped below 80,000 yuan.", "below 80,000 yuan", "v=80000 lo=- u=CNY q=LessThan"),
    ("Turnout was almost 30%.", "almost 30%", "v=30 lo=- u=percent q=Nearly"),
    ("Output is close to 600,000 tonnes.", "close to 600,000 tonnes", "v=600000 lo=- u=t q=Nearly"),
    ("Coal covers around 72 per cent of demand.", "around 72 per cent", "v=72 u=percent q=About"),
    ("Reserves hold approximately 44 million tons.", "approximately 44 million tons", "v=44e6 u=t q=About"),
    ("It spent roughly $280 billion.", "roughly $280 billion", "v=2.8e11 u=USD q=About"),
    ("An estimated 1,500 workers left.", "An estimated 1,500 workers", "v=1500 q=About noun=workers"),
    ("双方各出资至少10亿美元。", "至少10亿美元", "v=1e9 hi=- u=USD q=AtLeast"),
    ("年产量不少于100万吨。", "不少于100万吨", "v=1e6 hi=- u=t q=AtLeast"),
    ("逾200家企业参展。", "逾200家企业", "v=200 hi=- q=Over noun=企业"),
    ("最多3年即可完成。", "最多3年", "v=3 lo=- u=year q=UpTo"),
    ("失业率将近30%。", "将近30%", "v=30 lo=- u=percent q=Nearly"),
    ("近三年来销量翻倍。", "近三年", "v=3 lo=- u=year q=Nearly"),
    ("现场大约500人。", "大约500人", "v=500 q=About noun=人"),
    ("产量达100万吨以上。", "100万吨以上", "v=1e6 hi=- u=t q=Over"),
    ("覆盖20多个国家。", "20多个国家", "v=20 hi=30 q=Over noun=国家"),
    ("税率降至5%以下。", "5%以下", "v=5 lo=- u=percent q=LessThan"),
    ("他在那里工作了3年多。", "3年多", "v=3 hi=4 u=year q=Over"),
    // 多 or 余 after a Chinese unit: one unit more at most.
    ("停产已有8年多。", "8年多", "v=8 hi=9 u=year q=Over"),
    ("每箱重12公斤多。", "12公斤多", "v=12 hi=13 u=kg q=Over"),
    ("库存还有5吨余。", "5吨余", "v=5 hi=6 u=t q=Over"),
    ("谈判持续了15天多。", "15天多", "v=15 hi=16 u=day q=Over"),
    ("两国已经谈了2周多。", "2周多", "v=2 hi=3 u=week q=Over"),
    ("等待了6小时多才获救。", "6小时多", "v=6 hi=7 u=hour q=Over"),
    // … and inside a measure word.
    ("罢工持续了两个多月。", "两个多月", "v=2 hi=3 u=month q=Over"),
    ("会谈进行了三个多小时。", "三个多小时", "v=3 hi=4 u=hour q=Over"),
    ("工期延误了5个多星期。", "5个多星期", "v=5 hi=6 u=week q=Over"),
    ("项目推迟了十个多月。", "十个多月", "v=10 hi=11 u=month q=Over"),
    ("停电持续了4个余小时。", "4个余小时", "v=4 hi=5 u=hour q=Over"),
    // 多 that starts a word after 个 is not an approximation: 多边, 多元.
    ("两国签署了两个多边协议。", "两个多边协议", "v=2 noun=多边协议"),
    ("公司设立了三个多元化基金。", "三个多元化基金", "v=3 noun=多元化基金"),
    // 一 with 多 after its unit is "over one": 一年多, 一个多月.
    ("他离开家乡已经一年多。", "一年多", "v=1 hi=2 u=year q=Over"),
    ("罢工持续了一个多月。", "一个多月", "v=1 hi=2 u=month q=Over"),
    ("搜救进行了一天多。", "一天多", "v=1 hi=2 u=day q=Over"),
    ("会议开了一个多小时。", "一个多小时", "v=1 hi=2 u=hour q=Over"),
    ("工厂停工一周多。", "一周多", "v=1 hi=2 u=week q=Over"),
    // … but 多 or 余 before a classifier or a unit is "many" (多次, 多元, 余家),
    // and 一多 no number.
    ("检查组一年多次到访。", "!", ""),
    ("该厂3年多次停产。", "3年", "v=3 u=year"),
    ("运来5吨多种原料。", "5吨", "v=5 u=t"),
    ("要坚持统一多元的方针。", "!", ""),
    ("合同为期两年多家企业参与。", "!多", ""),
    ("It sold up to 1,200 tonnes.", "up to 1,200 tonnes", "v=1200 lo=- u=t q=UpTo"),
    ("It has just over 40% of the market.", "just over 40%", "v=40 hi=- u=percent q=Over"),
    ("年均增长约为3%。", "约为3%", "v=3 u=percent q=About"),
    ("销量超过1000万辆。", "超过1000万辆", "v=1e7 hi=- q=Over noun=辆"),
    ("Over a decade the fund grew.", "Over a decade", "v=10 hi=- u=year q=Over"),
    // Vague magnitudes.
    ("It drew tens of thousands of people.", "tens of thousands of people", "v=- lo=1e4 hi=1e5 noun=people"),
    ("The plan creates thousands of jobs.", "thousands of jobs", "v=- lo=1e3 hi=1e4 noun=jobs"),
    ("Firms lost billions of dollars.", "billions of dollars", "v=- lo=1e9 hi=1e10 u=USD"),
    ("Dozens of companies signed.", "Dozens of companies", "v=- lo=24 hi=144 noun=companies"),
    ("It will cost several billion dollars.", "several billion dollars", "v=- lo=2e9 hi=9e9 u=USD"),
    ("They shipped millions of tonnes.", "millions of tonnes", "v=- lo=1e6 hi=1e7 u=t"),
    ("Aid reached hundreds of millions of euros.", "hundreds of millions of euros", "v=- lo=1e8 hi=1e9 u=EUR"),
    ("Losses run to tens of billions.", "tens of billions", "v=- lo=1e10 hi=1e11"),
    ("Several hundred people waited.", "Several hundred people", "v=- lo=200 hi=900 noun=people"),
    // Counted nouns.
    ("It added 140 entities to the list.", "140 entities", "v=140 noun=entities"),
    ("Rules cover 24 types of semiconductor manufacturing equipment.", "24 types of semiconductor manufacturing equipment", "v=24 noun=types of semiconductor manufacturing equipment"),
    ("Rules also cover 3 types of software tools.", "3 types of software tools", "v=3 noun=types of software tools"),
    ("全市有7家公司受到影响。", "7家公司", "v=7 noun=公司"),
    ("事故造成200人受伤。", "200人", "v=200 noun=人"),
    ("It owns 5 mines and 3 smelters.", "5 mines", "v=5 noun=mines"),
    ("It bought 12 H20 chips.", "12", "v=12"),
    ("The plant employs 1,500.", "1,500", "v=1500"),
    ("The list names 2,000 Chinese companies.", "2,000 Chinese companies", "v=2000 noun=Chinese companies"),
    ("The board has 14 new members who vote.", "14 new members", "v=14 noun=new members"),
    ("Police detained 31 people in total.", "31 people", "v=31 noun=people"),
    ("Sales rose for three quarters in a row.", "three quarters", "v=3 noun=quarters"),
    ("The four companies that bid lost.", "four companies", "v=4 noun=companies"),
    ("The team built 2 advanced packaging plants.", "2 advanced packaging plants", "v=2 noun=advanced packaging plants"),
    // Never quantities.
    ("The H20 chip needs a licence.", "!", ""),
    ("MI308 products face limits.", "!", ""),
    ("The F-35 jets arrived.", "!", ""),
    ("Q4 results beat forecasts.", "!", ""),
    ("COVID-19 cases fell.", "!", ""),
    ("It was the 4th time.", "!", ""),
    ("It is the third-largest producer.", "!", ""),
    ("Sales will grow in 2025.", "!", ""),
    ("Results for fiscal 2026 are due.", "!", ""),
    ("The quake struck at 08:47.", "!", ""),
    ("The deal closed on 2025-10-28.", "!", ""),
    ("Sources say so [12].", "!", ""),
    ("Talks resume on October 20.", "!", ""),
    ("Talks resumed on 20 October.", "!", ""),
    ("The vote is set for Oct. 24.", "!", ""),
    ("The vote was 11-1 in favour.", "!", ""),
    ("Call 202-555-0143 for details.", "!", ""),
    ("Version 1.2.3 fixed it.", "!", ""),
    ("The server sits at 192.168.1.1.", "!", ""),
    ("A 5G network was built.", "!", ""),
    ("It grew in the 1990s.", "!", ""),
    ("The meeting ends at 3pm.", "!", ""),
    ("The meeting starts at 10 a.m.", "!", ""),
    ("He won the 100m sprint.", "!", ""),
    ("一些企业统一行动。", "!", ""),
    ("第三季度业绩改善。", "!", ""),
    ("三星电子公布业绩。", "!", ""),
    ("二十国集团峰会召开。", "!", ""),
    ("二〇二五年经济回暖。", "!", ""),
    ("5月31日签署协议。", "!", ""),
    ("2025年中投产。", "!", ""),
    ("One of the firms said no.", "!", ""),
    ("Someone often says so.", "!", ""),
    ("The first half of 2025 was weak.", "!", ""),
    ("The 10-member board met.", "!", ""),
    ("It filed its Form 10-K late.", "!", ""),
    ("Control passes from 2025 to 2030.", "!", ""),
    ("The 2024-2025 season ended.", "!", ""),
    ("Its 2024/25 crop was poor.", "!", ""),
    ("FY2026 guidance was cut.", "!", ""),
    ("Group 1: Results and outlook.", "!", ""),
    ("It is a 50:50 joint venture.", "!", ""),
    ("Full-year results are due.", "!", ""),
    ("Half-year profit fell.", "!", ""),
    ("The score was 3-2.", "!", ""),
    ("It hit a record in 2023 and 2024.", "!", ""),
    ("The law of 1998 still applies.", "!", ""),
    ("Its 2025 net sales fell.", "!", ""),
    ("The US$ rallied.", "!", ""),
    ("Prices are quoted in $ and €.", "!", ""),
    ("It is one thing to promise.", "!", ""),
    ("一月份出口回升。", "!", ""),
    ("十分重要的一步。", "!", ""),
    ("周三发布公告。", "!", ""),
    ("2024年度报告发布。", "!", ""),
    ("上世纪90年代起步。", "!", ""),
    ("17时30分开会。", "!", ""),
    // Specific non-matches next to real quantities.
    ("2021年的45%来自出口。", "!2021", ""),
    ("2021年的45%来自出口。", "45%", "v=45 u=percent"),
    ("Shares rose from 5% to 8% in a week.", "!5% to 8%", ""),
    ("Shares rose from 5% to 8% in a week.", "8%", "v=8 u=percent"),
    ("Then they fell 6% to 4%.", "!6% to 4%", ""),
    ("Then they fell 6% to 4%.", "6%", "v=6 u=percent"),
    ("Capacity grew 20% to 50 GWh.", "!20% to 50 GWh", ""),
    ("Capacity grew 20% to 50 GWh.", "50 GWh", "v=50 u=GWh"),
    ("Margins held over 5-8 years.", "!over", ""),
    ("Sales rose 22% to 449,603 units.", "!22% to", ""),
    ("Sales rose 22% to 449,603 units.", "449,603 units", "v=449603 noun=units"),
    ("Fans of the Six Nations cheered.", "!", ""),
    ("Between them, Four firms rule.", "!", ""),
    ("Two firms said so.", "Two firms", "v=2 noun=firms"),
    ("Margins held over 5-8 years.", "5-8 years", "v=- lo=5 hi=8 u=year"),
    ("The 2025 budget is $3 billion.", "!2025", ""),
    ("The 2025 budget is $3 billion.", "$3 billion", "v=3e9 u=USD"),
    ("On May 31, 40% of the staff left.", "!31", ""),
    ("On May 31, 40% of the staff left.", "40%", "v=40 u=percent"),
    ("The H20 sold 5,000 units.", "!H20", ""),
    ("The H20 sold 5,000 units.", "5,000 units", "v=5000 noun=units"),
    ("It owns 50% plus one share.", "50%", "v=50 u=percent"),
    ("About 2000 workers joined in 2000.", "About 2000 workers", "v=2000 q=About noun=workers"),
    ("About 2000 workers joined in 2000.", "!in 2000", ""),
    // ---- Issue 16: every number form news uses.
    // Minus signs.
    ("GDP shrank -2.3% in the quarter.", "-2.3%", "v=-2.3 u=percent"),
    ("Core prices moved −0.4% in May.", "−0.4%", "v=-0.4 u=percent"),
    ("出口同比增长负3.9%。", "负3.9%", "v=-3.9 u=percent"),
    ("Real wages moved (-1.5%) last year.", "-1.5%", "v=-1.5 u=percent"),
    ("The fund returned -12 percent.", "-12 percent", "v=-12 u=percent"),
    ("利润率为-5.2%。", "-5.2%", "v=-5.2 u=percent"),
    ("Net flows were minus $3 billion.", "minus $3 billion", "v=-3e9 u=USD"),
    ("The gap hit -0.5 percentage point.", "-0.5 percentage point", "v=-0.5 u=percentage_point"),
    ("增速为负2.1个百分点。", "负2.1个百分点", "v=-2.1 u=percentage_point"),
    ("Net income was -$4.2 million.", "-$4.2 million", "v=-4.2e6 u=USD"),
    ("净利润为负5亿元。", "负5亿元", "v=-5e8 u=CNY"),
    ("The 2024-25 season ended.", "!-25", ""),
    ("Route A-1 reopened.", "!", ""),
    ("Shares rose 5-8% this week.", "5-8%", "v=- lo=5 hi=8 u=percent"),
    // Chinese numeral arithmetic.
    ("销量达一万三。", "一万三", "v=13000"),
    ("工厂雇用了一万三千人。", "一万三千人", "v=13000 noun=人"),
    ("共有一千二名员工。", "一千二名员工", "v=1200 noun=员工"),
    ("今年产量两万五。", "两万五", "v=25000"),
    ("投资额约三亿五。", "约三亿五", "v=3.5e8 q=About"),
    ("已售出5万4千6百台。", "5万4千6百台", "v=54600"),
    ("库存为3万5千吨。", "3万5千吨", "v=35000 u=t"),
    ("人口约1亿2千万。", "约1亿2千万", "v=1.2e8 q=About"),
    ("出口3万5吨。", "3万5吨", "v=35000 u=t"),
    ("产量为5万三千吨。", "5万三千吨", "v=53000 u=t"),
    ("百分之一百二十点五的增幅。", "百分之一百二十点五", "v=120.5 u=percent"),
    ("完成率为百分之九十九点九。", "百分之九十九点九", "v=99.9 u=percent"),
    ("增幅达一百二十点五亿元。", "一百二十点五亿元", "v=1.205e10 u=CNY"),
    ("二十几万人参加。", "二十几万人", "v=- lo=210000 hi=290000 noun=人"),
    ("损失达十几万元。", "十几万元", "v=- lo=110000 hi=190000 u=CNY"),
    ("三十几家企业参与。", "三十几家企业", "v=- lo=31 hi=39 noun=企业"),
    ("约十几亿美元流入。", "约十几亿美元", "v=- lo=1.1e9 hi=1.9e9 u=USD q=About"),
    ("产量为20，300吨。", "20，300吨", "v=20300 u=t"),
    ("销售额为1，250万元。", "1，250万元", "v=1.25e7 u=CNY"),
    ("出口2，500，000吨。", "2，500，000吨", "v=2.5e6 u=t"),
    ("一一对应。", "!", ""),
    ("七上八下。", "!", ""),
    ("三三两两地离开。", "!", ""),
    // 几, 多 and 余.
    ("出口三千多吨。", "三千多吨", "v=3000 hi=4000 u=t q=Over"),
    ("200余家企业参展。", "200余家企业", "v=200 hi=300 q=Over noun=企业"),
    ("有100多万人受灾。", "100多万人", "v=1e6 hi=2e6 q=Over noun=人"),
    ("他工作了十多年。", "十多年", "v=10 hi=20 u=year q=Over"),
    ("销售了两千余辆汽车。", "两千余辆汽车", "v=2000 hi=3000 q=Over noun=辆汽车"),
    ("五十多个国家签署。", "五十多个国家", "v=50 hi=60 q=Over noun=国家"),
    ("项目投资1000多亿元。", "1000多亿元", "v=1e11 hi=2e11 u=CNY q=Over"),
    ("约15多万吨。", "约15多万吨", "v=150000 hi=160000 u=t q=About"),
    // English number words beyond one group.
    ("Two thousand five hundred people marched.", "Two thousand five hundred people", "v=2500 noun=people"),
    ("It shipped one thousand two hundred tonnes.", "one thousand two hundred tonnes", "v=1200 u=t"),
    ("The count was 4 thousand 3 hundred and 21.", "4 thousand 3 hundred and 21", "v=4321"),
    ("They hired three thousand four hundred workers.", "three thousand four hundred workers", "v=3400 noun=workers"),
    ("It costs one million two hundred thousand dollars.", "one million two hundred thousand dollars", "v=1.2e6 u=USD"),
    ("It was two thousand and twenty-five tonnes.", "two thousand and twenty-five tonnes", "v=2025 u=t"),
    ("Nine hundred thousand homes were hit.", "Nine hundred thousand homes", "v=900000 noun=homes"),
    ("The plant needs 5 hundred staff.", "5 hundred staff", "v=500 noun=staff"),
    ("Six million four hundred thousand euros went missing.", "Six million four hundred thousand euros", "v=6.4e6 u=EUR"),
    ("He sold 5 million 3 years ago.", "5 million", "v=5e6"),
    ("He sold 5 million 3 years ago.", "!5 million 3", ""),
    ("Two thirds of a million households lack power.", "Two thirds of a million households", "v=666666.6666666666 noun=households"),
    ("They sold a quarter of a million tonnes.", "a quarter of a million tonnes", "v=250000 u=t"),
    ("Three quarters of a billion dollars was spent.", "Three quarters of a billion dollars", "v=7.5e8 u=USD"),
    ("Half a million barrels were lost.", "Half a million barrels", "v=5e5 noun=barrels"),
    ("It owes one third of a billion dollars.", "one third of a billion dollars", "v=333333333.3333333 u=USD"),
    ("Half a billion euros was lost.", "Half a billion euros", "v=5e8 u=EUR"),
    ("A quarter of a million people fled.", "A quarter of a million people", "v=250000 noun=people"),
    ("About five hundred or more people came.", "About five hundred or more people", "v=500 hi=- q=AtLeast noun=people"),
    // Scale abbreviations.
    ("It raised $10 bln in bonds.", "$10 bln", "v=1e10 u=USD"),
    ("The pipeline cost 3.5 bln euros.", "3.5 bln euros", "v=3.5e9 u=EUR"),
    ("It lost 44m customers.", "44m customers", "v=4.4e7 noun=customers"),
    ("The field holds 120m barrels.", "120m barrels", "v=1.2e8 noun=barrels"),
    ("It sold 20k units.", "20k units", "v=20000 noun=units"),
    ("The mine produces 3m tonnes a year.", "3m tonnes a year", "v=3e6 u=t per=year"),
    ("India spent Rs 5 crore on it.", "Rs 5 crore", "v=5e7 u=INR"),
    ("The state set aside 10 lakh rupees.", "10 lakh rupees", "v=1e6 u=INR"),
    ("The budget is 2 lakh crore rupees.", "2 lakh crore rupees", "v=2e12 u=INR"),
    ("Sales were 45 crore.", "45 crore", "v=4.5e8"),
    ("It employs 3 lakh people.", "3 lakh people", "v=3e5 noun=people"),
    ("Rs. 250 crore was spent.", "Rs. 250 crore", "v=2.5e9 u=INR"),
    ("He won the 400m hurdles.", "!", ""),
    ("The 10k runs were cancelled.", "!", ""),
    ("She ran a 5km race.", "!", ""),
    // Currency prefixes with letters glued to $.
    ("It raised AUD$15 million.", "AUD$15 million", "v=1.5e7 u=AUD"),
    ("It paid Cdn$10 million.", "Cdn$10 million", "v=1e7 u=CAD"),
    ("The deal was Mex$ 10 million.", "Mex$ 10 million", "v=1e7 u=MXN"),
    ("Rents hit HK$45,000 a month.", "HK$45,000 a month", "v=45000 u=HKD per=month"),
    ("TSMC earned NT$300 billion.", "NT$300 billion", "v=3e11 u=TWD"),
    ("Singapore set aside S$5 billion.", "S$5 billion", "v=5e9 u=SGD"),
    ("Canberra pledged A$1.2 billion.", "A$1.2 billion", "v=1.2e9 u=AUD"),
    ("Exports hit US$20.5 billion.", "US$20.5 billion", "v=2.05e10 u=USD"),
    ("Tickets cost R$50.", "R$50", "v=50 u=BRL"),
    ("The unit cost C$2.5 million.", "C$2.5 million", "v=2.5e6 u=CAD"),
    ("Sales were Cdn$ 4.5 billion.", "Cdn$ 4.5 billion", "v=4.5e9 u=CAD"),
    ("Mex$200 was the fare.", "Mex$200", "v=200 u=MXN"),
    ("The AUD$ rallied.", "!", ""),
    // Currency signs after the number.
    ("Le billet coûte 10 € seulement.", "10 €", "v=10 u=EUR"),
    ("It costs 20$ at the door.", "20$", "v=20 u=USD"),
    ("A ticket is 5 000 € this year.", "5 000 €", "v=5000 u=EUR"),
    ("The fee is 15£ per month.", "15£ per month", "v=15 u=GBP per=month"),
    ("They paid 250 € for it.", "250 €", "v=250 u=EUR"),
    ("Entry costs 300₹ now.", "300₹", "v=300 u=INR"),
    ("Pay 5 $10 bills.", "$10", "v=10 u=USD"),
    ("Pay 5 $10 bills.", "!5 $", ""),
    // Currency names.
    ("The fine is 100 Chinese yuan.", "100 Chinese yuan", "v=100 u=CNY"),
    ("He paid 50 Swiss francs.", "50 Swiss francs", "v=50 u=CHF"),
    ("台积电营收5306亿台币。", "5306亿台币", "v=5.306e11 u=TWD"),
    ("The bill was 2,000 Indian rupees.", "2,000 Indian rupees", "v=2000 u=INR"),
    ("It cost 30 billion rubles.", "30 billion rubles", "v=3e10 u=RUB"),
    ("The firm lost 4 billion South African rand.", "4 billion South African rand", "v=4e9 u=ZAR"),
    ("A loan of 500 billion Korean won was approved.", "500 billion Korean won", "v=5e11 u=KRW"),
    ("新加坡拨款20亿新元。", "20亿新元", "v=2e9 u=SGD"),
    ("俄罗斯投入1000亿卢布。", "1000亿卢布", "v=1e11 u=RUB"),
    ("瑞银支付30亿瑞士法郎。", "30亿瑞士法郎", "v=3e9 u=CHF"),
    ("The deal is worth 3 billion New Taiwan dollars.", "3 billion New Taiwan dollars", "v=3e9 u=TWD"),
    ("Pemex lost 50 billion Mexican pesos.", "50 billion Mexican pesos", "v=5e10 u=MXN"),
    ("營收為三百億新台幣。", "三百億新台幣", "v=3e10 u=TWD"),
    ("It raised SGD 300 million.", "SGD 300 million", "v=3e8 u=SGD"),
    ("Thailand spent 80 billion baht.", "80 billion baht", "v=8e10 u=THB"),
    ("印度拨款500亿卢比。", "500亿卢比", "v=5e10 u=INR"),
    ("The ticket was 10 Swiss franc.", "10 Swiss franc", "v=10 u=CHF"),
    // Qualifiers.
    ("Output greater than 5 million tonnes is expected.", "greater than 5 million tonnes", "v=5e6 hi=- u=t q=Over"),
    ("Loans less than or equal to $1 million qualify.", "less than or equal to $1 million", "v=1e6 lo=- u=USD q=UpTo"),
    ("产量大于5万吨。", "大于5万吨", "v=50000 hi=- u=t q=Over"),
    ("他至少有10次违规。", "至少有10次违规", "v=10 hi=- q=AtLeast noun=违规"),
    ("销量超过了100万辆。", "超过了100万辆", "v=1e6 hi=- q=Over noun=辆"),
    ("增速在5%与6%之间。", "5%与6%之间", "v=- lo=5 hi=6 u=percent"),
    ("产量在5万和6万吨之间。", "5万和6万吨之间", "v=- lo=50000 hi=60000 u=t"),
    ("Rates greater than or equal to 4% apply.", "greater than or equal to 4%", "v=4 hi=- u=percent q=AtLeast"),
    ("A fee not exceeding 2% applies.", "not exceeding 2%", "v=2 lo=- u=percent q=UpTo"),
    ("It holds well over 40% of the market.", "well over 40%", "v=40 hi=- u=percent q=Over"),
    ("成本小于5%。", "小于5%", "v=5 lo=- u=percent q=LessThan"),
    ("员工不超过200人。", "不超过200人", "v=200 lo=- q=UpTo noun=人"),
    ("50+ countries signed.", "50+ countries", "v=50 hi=- q=AtLeast noun=countries"),
    ("Incomes of $50,000 or higher pay more.", "$50,000 or higher", "v=50000 hi=- u=USD q=AtLeast"),
    ("Scores of 3% or below are poor.", "3% or below", "v=3 lo=- u=percent q=UpTo"),
    ("Prices higher than $90 a barrel hurt.", "higher than $90 a barrel", "v=90 hi=- u=USD per=barrel q=Over"),
    ("Yields lower than 2% are rare.", "lower than 2%", "v=2 lo=- u=percent q=LessThan"),
    ("It costs in the region of $5 million.", "in the region of $5 million", "v=5e6 u=USD q=About"),
    ("增长率高于3%。", "高于3%", "v=3 hi=- u=percent q=Over"),
    ("他今年五十开外。", "五十开外", "v=50 hi=- q=Over"),
    ("Around 300 or more firms may bid.", "Around 300 or more firms", "v=300 hi=- q=AtLeast noun=firms"),
    // Shares: "one in five", "two out of three".
    ("One in five adults smoke.", "One in five", "v=20 u=percent"),
    ("Two out of three voters agreed.", "Two out of three", "v=66.66666666666667 u=percent"),
    ("About 1 in 10 firms failed.", "About 1 in 10", "v=10 u=percent q=About"),
    ("Three in four workers got raises.", "Three in four", "v=75 u=percent"),
    ("Nearly one in three children is poor.", "Nearly one in three", "v=33.333333333333336 lo=- u=percent q=Nearly"),
    ("1 out of every 4 homes is empty.", "1 out of every 4", "v=25 u=percent"),
    ("He scored 3 in 2024.", "!3 in", ""),
    ("Costs doubled 5 in 10 years.", "!5 in 10", ""),
    // "N more": a count added.
    ("It will build three more smelters.", "three more smelters", "v=3 ch=By noun=smelters"),
    ("The firm hired 200 more engineers.", "200 more engineers", "v=200 ch=By noun=engineers"),
    ("Five more countries joined.", "Five more countries", "v=5 ch=By noun=countries"),
    ("They need 2 more plants.", "2 more plants", "v=2 ch=By noun=plants"),
    ("Ten more ships sailed.", "Ten more ships", "v=10 ch=By noun=ships"),
    ("Output was 5 more than planned.", "!5 more", ""),
    // Changes: from, to, by.
    ("The price rose from 25 cents to $71.65.", "25 cents", "v=0.25 u=USD ch=From"),
    ("The price rose from 25 cents to $71.65.", "$71.65", "v=71.65 u=USD ch=To"),
    ("Inflation eased from 3.1% to 2.9%.", "3.1%", "v=3.1 u=percent ch=From"),
    ("Inflation eased from 3.1% to 2.9%.", "2.9%", "v=2.9 u=percent ch=To"),
    ("Sales rose by 5% in May.", "5%", "v=5 u=percent ch=By"),
    ("The bank cut rates by 50 basis points.", "50 basis points", "v=0.5 u=percentage_point ch=By"),
    ("Sales rose 22% to 449,603 units.", "22%", "v=22 u=percent ch=By"),
    ("Sales rose 22% to 449,603 units.", "449,603 units", "v=449603 ch=To noun=units"),
    ("出口从5%增至8%。", "5%", "v=5 u=percent ch=From"),
    ("出口从5%增至8%。", "8%", "v=8 u=percent ch=To"),
    ("利润增长了12%。", "12%", "v=12 u=percent ch=By"),
    ("Unemployment fell to 4.1%.", "4.1%", "v=4.1 u=percent ch=To"),
    ("Between 3 and 5 firms bid.", "Between 3 and 5 firms", "v=- lo=3 hi=5 ch=- noun=firms"),
    ("Turnout was 92%.", "92%", "v=92 u=percent ch=-"),
    ("The fund is backed by 40 countries.", "40 countries", "v=40 ch=- noun=countries"),
    ("油价降至每桶70美元。", "每桶70美元", "v=70 u=USD per=barrel ch=To"),
    ("产量由100万吨提高到120万吨。", "100万吨", "v=1e6 u=t ch=From"),
    ("产量由100万吨提高到120万吨。", "120万吨", "v=1.2e6 u=t ch=To"),
    ("Prices fell from $80 to $75 a barrel.", "$80", "v=80 u=USD ch=From"),
    ("Prices fell from $80 to $75 a barrel.", "$75 a barrel", "v=75 u=USD per=barrel ch=To"),
    ("Shares jumped 12% on Monday.", "12%", "v=12 u=percent ch=By"),
    ("价格下跌了3美元。", "3美元", "v=3 u=USD ch=By"),
    // 成: tenths.
    ("９成受访者支持。", "９成", "v=90 u=percent"),
    ("近九成企业盈利。", "近九成", "v=90 lo=- u=percent q=Nearly"),
    ("约三成的产能闲置。", "约三成", "v=30 u=percent q=About"),
    ("七成以上的居民同意。", "七成以上", "v=70 hi=- u=percent q=Over"),
    ("出口下降了两成。", "两成", "v=20 u=percent"),
    ("一成的企业亏损。", "一成", "v=10 u=percent"),
    // A digit after 成 is the next tenth: 七成五 is 75%.
    ("七成五的受访者支持。", "七成五", "v=75 u=percent"),
    ("市场份额达８成５。", "８成５", "v=85 u=percent"),
    ("近六成三的企业盈利。", "近六成三", "v=63 lo=- u=percent q=Nearly"),
    ("约两成五的产能闲置。", "约两成五", "v=25 u=percent q=About"),
    ("出口下降了1成2。", "1成2", "v=12 u=percent"),
    ("九成五以上的居民同意。", "九成五以上", "v=95 hi=- u=percent q=Over"),
    ("他成为首任主席。", "!", ""),
    ("一成不变的政策。", "!", ""),
    ("公司成本上升。", "!", ""),
    // 分之, 千分之, 万分之.
    ("三分之一的企业亏损。", "三分之一", "v=0.3333333333333333"),
    ("超过三分之二的选民支持。", "超过三分之二", "v=0.6666666666666666 hi=- q=Over"),
    ("比例为千分之２．４。", "千分之２．４", "v=0.24 u=percent"),
    ("不良率为万分之五。", "万分之五", "v=0.05 u=percent"),
    ("约四分之一的人口。", "约四分之一", "v=0.25 q=About"),
    ("费率为千分之三。", "千分之三", "v=0.3 u=percent"),
    ("十分之一的土地荒废。", "十分之一", "v=0.1"),
    ("3分之2的代表赞成。", "3分之2", "v=0.6666666666666666"),
    // 一 before a unit.
    ("油价上涨一美元。", "一美元", "v=1 u=USD"),
    ("产量增加一吨。", "一吨", "v=1 u=t"),
    ("利率下调一个百分点。", "一个百分点", "v=1 u=percentage_point"),
    ("价格为一欧元。", "一欧元", "v=1 u=EUR"),
    ("每股派息一元。", "一元", "v=1 u=CNY"),
    ("重一公斤。", "一公斤", "v=1 u=kg"),
    ("一年一度的会议。", "!", ""),
    ("有一天他来了。", "!", ""),
    // Traditional forms.
    ("失業率上升0.3個百分點。", "0.3個百分點", "v=0.3 u=percentage_point"),
    ("利率下調2個百分點。", "2個百分點", "v=2 u=percentage_point"),
    ("增長三點五個百分點。", "三點五個百分點", "v=3.5 u=percentage_point"),
    ("佔比百分之三點五。", "百分之三點五", "v=3.5 u=percent"),
    ("營收達一千二百萬美元。", "一千二百萬美元", "v=1.2e7 u=USD"),
    ("出口五萬噸。", "五萬噸", "v=50000 u=t"),
    ("兩億五千萬港幣流入。", "兩億五千萬港幣", "v=2.5e8 u=HKD"),
    ("加息25個基點。", "25個基點", "v=0.25 u=percentage_point"),
    // Thousands separated by spaces, no-break and thin spaces.
    ("The plant employs 12 500 people.", "12 500 people", "v=12500 noun=people"),
    ("Revenue was €1 234 567 in total.", "€1 234 567", "v=1234567 u=EUR"),
    ("The town has 45 000 residents.", "45 000 residents", "v=45000 noun=residents"),
    ("Sales hit 3\u{2009}400 tonnes.", "3\u{2009}400 tonnes", "v=3400 u=t"),
    ("Exports: 2\u{202f}000\u{202f}000 tonnes.", "2\u{202f}000\u{202f}000 tonnes", "v=2e6 u=t"),
    ("Aid of 750\u{a0}000 euros arrived.", "750\u{a0}000 euros", "v=750000 u=EUR"),
    ("In 2024 300 firms closed.", "300 firms", "v=300 noun=firms"),
    ("Dial 212 555 0143 now.", "!212 555", ""),
    // Labels, names and codes are not figures.
    ("G7 leaders met in Italy.", "!", ""),
    ("G20 finance ministers met.", "!", ""),
    ("The Boeing 737 MAX was grounded.", "!737", ""),
    ("Under Section 230 the firm is immune.", "!230", ""),
    ("Article 5 of the treaty applies.", "!5", ""),
    ("Chapter 11 bankruptcy was filed.", "!11", ""),
    ("Flight 370 vanished.", "!370", ""),
    ("He lives at No. 10 now.", "!10", ""),
    ("The A380 was retired.", "!", ""),
    ("Rule 144A applies.", "!", ""),
    ("波音737客机停飞。", "!737", ""),
    ("COVID-19 deaths fell to 12.", "!19", ""),
    ("The 1980s were a boom.", "!", ""),
    ("Call 555-0143 today.", "!", ""),
    ("See section 4.2 for details.", "!4.2", ""),
    // More of each form, in other contexts.
    ("出口下降负0.8个百分点。", "负0.8个百分点", "v=-0.8 u=percentage_point"),
    ("Margins were −3.5% in 2024.", "−3.5%", "v=-3.5 u=percent"),
    ("全年增速为百分之三十点二五。", "百分之三十点二五", "v=30.25 u=percent"),
    ("持股比例达百分之二点五。", "百分之二点五", "v=2.5 u=percent"),
    ("五十几个国家参加。", "五十几个国家", "v=- lo=51 hi=59 noun=国家"),
    ("损失约二十几亿元。", "约二十几亿元", "v=- lo=2.1e9 hi=2.9e9 u=CNY q=About"),
    ("销量达12，500辆。", "12，500辆", "v=12500 noun=辆"),
    // A year-like number with its Chinese scale is a count, and a classifier that
    // says what is counted stays with its noun (lexicon `counted`).
    ("今年开采了2000万桶原油。", "2000万桶原油", "v=2e7 noun=桶原油"),
    ("原油产量录得8,600,000桶。", "8,600,000桶", "v=8600000 noun=桶"),
    ("全年出口1900万吨。", "1900万吨", "v=1.9e7 u=t"),
    ("投资2025亿元建设新厂。", "2025亿元", "v=2.025e11 u=CNY"),
    ("该公司有两千家门店。", "两千家门店", "v=2000 noun=门店"),
    ("出口额为3，000亿美元。", "3，000亿美元", "v=3e11 u=USD"),
    ("A further 3 bln dlrs was raised.", "3 bln dlrs", "v=3e9 u=USD"),
    ("The group earned 1.2 bln dollars.", "1.2 bln dollars", "v=1.2e9 u=USD"),
    ("Exports reached 70 bln yuan.", "70 bln yuan", "v=7e10 u=CNY"),
    ("The 400m runners lined up.", "!", ""),
    ("She won two 200m titles.", "!200", ""),
    ("The 2K projectors were sold.", "!2K", ""),
    ("It reached 5m households.", "5m households", "v=5e6 noun=households"),
    ("He ran 60m indoors.", "!60", ""),
    ("一万二千五百名工人", "一万二千五百名工人", "v=12500 noun=工人"),
    ("他的月薪是三千五。", "三千五", "v=3500"),
    ("售出两万三台设备。", "两万三台设备", "v=23000 noun=设备"),
    ("产量为8万7千吨。", "8万7千吨", "v=87000 u=t"),
    ("捐款10万5千元。", "10万5千元", "v=105000 u=CNY"),
    ("The state raised Mex$ 2.5 billion.", "Mex$ 2.5 billion", "v=2.5e9 u=MXN"),
    ("HK$2 billion was approved.", "HK$2 billion", "v=2e9 u=HKD"),
    ("It sold NT$1.5 trillion of bonds.", "NT$1.5 trillion", "v=1.5e12 u=TWD"),
    ("The fare is S$3.", "S$3", "v=3 u=SGD"),
    ("It hired 1 200 staff.", "1 200 staff", "v=1200 noun=staff"),
    ("La facture s'élève à 1 500 000 €.", "1 500 000 €", "v=1.5e6 u=EUR"),
    ("Tickets at 45$ sold out.", "45$", "v=45 u=USD"),
    ("The company paid 12 million Swiss francs.", "12 million Swiss francs", "v=1.2e7 u=CHF"),
    ("Salaries reach 8 lakh rupees a year.", "8 lakh rupees a year", "v=8e5 u=INR per=year"),
    ("The scheme costs Rs 1.5 lakh crore.", "Rs 1.5 lakh crore", "v=1.5e12 u=INR"),
    ("Turnover hit 300 crore rupees.", "300 crore rupees", "v=3e9 u=INR"),
    ("An order of greater than 100 tonnes ships free.", "greater than 100 tonnes", "v=100 hi=- u=t q=Over"),
    ("Sizes less than or equal to 5 kg qualify.", "less than or equal to 5 kg", "v=5 lo=- u=kg q=UpTo"),
    ("企业利润大于100亿元。", "大于100亿元", "v=1e10 hi=- u=CNY q=Over"),
    ("每年至少有3次检查。", "每年至少有3次检查", "v=3 hi=- per=year q=AtLeast noun=检查"),
    ("降幅超过了20%。", "超过了20%", "v=20 hi=- u=percent q=Over"),
    ("利率在3%至4%之间。", "3%至4%", "v=- lo=3 hi=4 u=percent"),
    ("价格在100美元与120美元之间。", "100美元与120美元之间", "v=- lo=100 hi=120 u=USD"),
    ("Roughly two out of five firms agree.", "Roughly two out of five", "v=40 u=percent q=About"),
    ("Four in 10 homes are rented.", "Four in 10", "v=40 u=percent"),
    ("It opened four more stores.", "four more stores", "v=4 ch=By noun=stores"),
    ("Rates were raised to 5.25%.", "5.25%", "v=5.25 u=percent ch=To"),
    ("The yen weakened from 140 to 150 yen.", "140", "v=140 ch=From"),
    ("GDP grew 0.3% in the quarter.", "0.3%", "v=0.3 u=percent ch=By"),
    ("失业率降至4%。", "4%", "v=4 u=percent ch=To"),
    ("八成以上的受访者赞成。", "八成以上", "v=80 hi=- u=percent q=Over"),
    ("超过四成的企业亏损。", "超过四成", "v=40 hi=- u=percent q=Over"),
    ("万分之三的费率", "万分之三", "v=0.03 u=percent"),
    ("五分之四的股份", "五分之四", "v=0.8"),
    ("股价上涨一港元。", "一港元", "v=1 u=HKD"),
    ("增加一個百分點。", "一個百分點", "v=1 u=percentage_point"),
    ("增幅為百分之十二點五。", "百分之十二點五", "v=12.5 u=percent"),
    ("出口三千萬噸。", "三千萬噸", "v=3e7 u=t"),
    ("They sold a third of a million cars.", "a third of a million cars", "v=333333.3333333333 noun=cars"),
    ("Half a million tonnes was shipped.", "Half a million tonnes", "v=5e5 u=t"),
];

fn parse_f(s: &str) -> Option<f64> {
    if s == "-" { None } else { s.parse().ok() }
}

fn qualifier(s: &str) -> Option<Qualifier> {
    Some(match s {
        "Over" => Qualifier::Over,
        "AtLeast" => Qualifier::AtLeast,
        "Nearly" => Qualifier::Nearly,
        "About" => Qualifier::About,
        "UpTo" => Qualifier::UpTo,
        "LessThan" => Qualifier::LessThan,
        _ => return None,
    })
}

/// The spec as the Qty it describes, and the unit name. `noun=` takes the rest of the
/// spec after it.
fn change(s: &str) -> Option<Change> {
    Some(match s {
        "From" => Change::From,
        "To" => Change::To,
        "By" => Change::By,
        _ => return None,
    })
}

fn expected(spec: &str) -> (Qty, Option<String>, bool) {
    let (spec, noun) = match spec.split_once("noun=") {
        Some((head, noun)) => (head, Some(noun.trim().to_string())),
        None => (spec, None),
    };
    let mut q = Qty {
        value: None,
        low: None,
        high: None,
        unit: None,
        per: None,
        qualifier: None,
        noun,
        change: None,
    };
    let (mut lo, mut hi) = (None, None);
    let mut unit = None;
    let mut check_change = false;
    for pair in spec.split_whitespace() {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        match k {
            "v" => q.value = parse_f(v),
            "lo" => lo = Some(parse_f(v)),
            "hi" => hi = Some(parse_f(v)),
            "u" => unit = Some(v.to_string()),
            "per" => q.per = Some(v.to_string()),
            "q" => q.qualifier = qualifier(v),
            "ch" => {
                q.change = change(v);
                check_change = true;
            }
            other => panic!("bad spec key {other}"),
        }
    }
    q.low = lo.unwrap_or(q.value);
    q.high = hi.unwrap_or(q.value);
    (q, unit, check_change)
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => a == b || ((a - b) / b.abs().max(1e-300)).abs() < 1e-9,
        _ => false,
    }
}

fn show(text: &str, found: &[(std::ops::Range<usize>, Qty)]) -> String {
    found
        .iter()
        .map(|(r, q)| {
            format!(
                "[{}] v={:?} lo={:?} hi={:?} u={:?} per={:?} q={:?} ch={:?} noun={:?}",
                &text[r.clone()],
                q.value,
                q.low,
                q.high,
                q.unit.map(|u| u.name()),
                q.per,
                q.qualifier,
                q.change,
                q.noun
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Checks one row; Err says what went wrong.
fn check(row: &Row) -> Result<(), String> {
    let (raw, span, spec) = *row;
    let text: String = raw.nfkc().collect();
    let span: String = span.nfkc().collect();
    let found = scan_quantities(&text);
    for (r, _) in &found {
        if text.get(r.clone()).is_none() {
            return Err(format!("range {r:?} is not on char boundaries"));
        }
    }
    if let Some(banned) = span.strip_prefix('!') {
        let bad = found
            .iter()
            .any(|(r, _)| banned.is_empty() || text[r.clone()].contains(banned));
        return if bad {
            Err(format!("unexpected: {}", show(&text, &found)))
        } else {
            Ok(())
        };
    }
    let (want, want_unit, check_change) = expected(spec);
    let Some((_, got)) = found.iter().find(|(r, _)| text[r.clone()] == span) else {
        return Err(format!(
            "no match for {span:?}; got {}",
            show(&text, &found)
        ));
    };
    let ok = close(got.value, want.value)
        && close(got.low, want.low)
        && close(got.high, want.high)
        && got.unit.map(|u| u.name()) == want_unit
        && got.per == want.per
        && got.qualifier == want.qualifier
        && (!check_change || got.change == want.change)
        && got.noun == want.noun;
    if ok {
        Ok(())
    } else {
        Err(format!(
            "want v={:?} lo={:?} hi={:?} u={:?} per={:?} q={:?} ch={:?} noun={:?}; got {}",
            want.value,
            want.low,
            want.high,
            want_unit,
            want.per,
            want.qualifier,
            want.change,
            want.noun,
            show(&text, &found)
        ))
    }
}

#[test]
fn expression_table() {
    let mut failed = 0;
    for row in ROWS {
        if let Err(e) = check(row) {
            failed += 1;
            println!("FAIL {:?}: {e}", row.0);
        }
    }
    println!(
        "quantities: {} passed, {} failed",
        ROWS.len() - failed,
        failed
    );
    assert!(ROWS.len() >= 600, "the table needs at least 600 rows");
    assert_eq!(failed, 0, "{failed} quantity rows failed");
}

const SOUP: &[&str] = &[
    " ",
    " ",
    "$",
    "US$",
    "€",
    "¥",
    "5",
    "12",
    "0",
    "2025",
    ",",
    "000",
    ".",
    "25",
    "billion",
    "bn",
    "m",
    "k",
    " to ",
    "-",
    "–",
    "约",
    "万",
    "亿",
    "百分之",
    "三",
    "十",
    "两",
    "一",
    "%",
    "between",
    " and ",
    "half",
    "a",
    "quarter",
    "point",
    "per",
    "share",
    "每",
    "股",
    "吨",
    "第",
    "[",
    "]",
    ":",
    "年",
    "月",
    "个",
    "实体",
    "of",
    "hundreds",
    "tens",
    "数",
    "over",
    "up to",
    "nearly",
    "以上",
    "左右",
    "多",
    "dollars",
    "tonnes",
    "percent",
    "basis points",
    "years",
    "from",
    "个基点",
    "美元",
    "/",
    "at least",
    "several",
    "one",
    "twenty",
    "-five",
    "thirds",
    "a dozen",
    "companies",
    "H",
    "Q",
    "10:",
    "(",
    ")",
];

/// A number rendered the way articles write it, and the value it stands for.
fn render(int: u64, frac: Option<u32>, grouped: bool, scale: usize, wrap: usize) -> (String, f64) {
    let mut digits = int.to_string();
    if grouped {
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        digits = out;
    }
    let mut value = int as f64;
    if let Some(f) = frac {
        let f = format!("{f:02}");
        value = format!("{int}.{f}").parse().unwrap_or(value);
        digits = format!("{digits}.{f}");
    }
    let (word, factor) = [
        ("", 1.0),
        (" thousand", 1e3),
        (" million", 1e6),
        (" billion", 1e9),
        ("bn", 1e9),
        (" trillion", 1e12),
    ][scale];
    let number = format!("{digits}{word}");
    let value = value * factor;
    match wrap {
        0 => (format!("${number}"), value),
        1 => (format!("€{number}"), value),
        2 => (format!("{number} dollars"), value),
        3 => (format!("US${number}"), value),
        4 if scale == 0 => (format!("{number}%"), value),
        5 if scale == 0 => (format!("{number} percent"), value),
        6 if scale == 0 => (format!("{number}万吨"), value * 1e4),
        7 if scale == 0 => (format!("约{number}亿美元"), value * 1e8),
        _ => (format!("{number} tonnes"), value),
    }
}

proptest! {
    #[test]
    fn rendered_numbers_read_back(
        int in 0u64..1_000_000_000_000u64,
        frac in proptest::option::of(0u32..100),
        grouped in any::<bool>(),
        scale in 0usize..6,
        wrap in 0usize..9,
    ) {
        let (rendered, value) = render(int, frac, grouped, scale, wrap);
        let text = format!("It came to {rendered} last year.");
        let found = scan_quantities(&text);
        let start = "It came to ".len();
        let hit = found.iter().find(|(r, _)| r.start == start);
        prop_assert!(hit.is_some(), "{text}: {found:?}");
        if let Some((r, q)) = hit {
            prop_assert_eq!(&text[r.clone()], rendered.as_str());
            let got = q.value.unwrap_or(f64::NAN);
            let rel = if value == 0.0 { got.abs() } else { ((got - value) / value).abs() };
            prop_assert!(rel < 1e-9, "{text}: {got} vs {value}");
        }
    }

    /// Token soup from the grammar's own words: no panic, valid ranges, finite values,
    /// low <= high.
    #[test]
    fn token_soup_is_safe(tokens in proptest::collection::vec(0usize..SOUP.len(), 0..60)) {
        let text: String = tokens.iter().map(|&t| SOUP[t]).collect();
        for (r, q) in scan_quantities(&text) {
            prop_assert!(text.get(r.clone()).is_some() && r.start < r.end, "{text:?} {r:?}");
            for v in [q.value, q.low, q.high].into_iter().flatten() {
                prop_assert!(v.is_finite(), "{text:?}");
            }
            if let (Some(lo), Some(hi)) = (q.low, q.high) {
                prop_assert!(lo <= hi, "{text:?}: {lo} > {hi}");
            }
        }
    }

    #[test]
    fn any_text_is_safe(s in "\\PC{0,200}") {
        for (r, _) in scan_quantities(&s) {
            prop_assert!(s.get(r.clone()).is_some() && r.start < r.end);
        }
    }
}

#[test]
fn huge_numbers_do_not_panic() {
    let long = "9".repeat(10_000);
    for text in [
        long.clone(),
        format!("${long} billion"),
        format!("about {long}% of it"),
        format!("{long}.{long}"),
        format!("0.{long}"),
        format!("1,{}", "000,".repeat(3_000)),
        format!("${}", "999,".repeat(200) + "999"),
    ] {
        for (r, q) in scan_quantities(&text) {
            assert!(text.get(r.clone()).is_some());
            for v in [q.value, q.low, q.high].into_iter().flatten() {
                assert!(v.is_finite(), "{v} from {}", &text[r.clone()]);
            }
        }
    }
    // A 10,000-digit run is an identifier, not a quantity.
    assert!(scan_quantities(&long).is_empty());
}

#[test]
fn runs_and_fragments_stay_sensible() {
    let ones = "1,".repeat(5_000) + "1";
    let found = scan_quantities(&ones);
    assert_eq!(found.len(), 1, "a comma run is one number at most");
    assert_eq!(found[0].1.value, Some(1.0));

    assert!(scan_quantities(&"to ".repeat(1_000)).is_empty());
    assert!(scan_quantities("$").is_empty());
    assert!(scan_quantities("$ $ € ¥ US$").is_empty());
    assert!(scan_quantities("between").is_empty());
    assert!(scan_quantities("百分之").is_empty());
    assert!(scan_quantities("每股").is_empty());

    // Text ending mid-number still yields what is there.
    let cut = scan_quantities("It cost $4.5");
    assert_eq!(cut.len(), 1);
    assert_eq!(cut[0].1.value, Some(4.5));
    assert_eq!(scan_quantities("It cost $4.")[0].1.value, Some(4.0));
    assert_eq!(scan_quantities("It cost 4,5")[0].1.value, Some(4.0));
    assert_eq!(scan_quantities("up to 40")[0].1.high, Some(40.0));
    assert_eq!(scan_quantities("约55亿")[0].1.value, Some(5.5e9));

    // CJK-only text without numbers.
    assert!(scan_quantities("中国和日本的企业在市场上竞争激烈").is_empty());
    assert!(
        scan_quantities("一二三四五六七八九十百千万亿")
            .iter()
            .all(|(r, _)| r.start < r.end)
    );
    let mixed = "数".repeat(1_000) + &"十".repeat(1_000) + "万吨";
    for (r, _) in scan_quantities(&mixed) {
        assert!(mixed.get(r).is_some());
    }
}

#[test]
fn ranges_are_ordered_and_in_text_order() {
    let text = "Prices of $5 to $6 rose 3% while 2-4 weeks passed and 数十亿美元 flowed.";
    let found = scan_quantities(text);
    let starts: Vec<usize> = found.iter().map(|(r, _)| r.start).collect();
    let mut sorted = starts.clone();
    sorted.sort_unstable();
    assert_eq!(starts, sorted);
    for (_, q) in &found {
        if let (Some(lo), Some(hi)) = (q.low, q.high) {
            assert!(lo <= hi);
        }
    }
    assert_eq!(found.len(), 4, "{found:?}");
}
