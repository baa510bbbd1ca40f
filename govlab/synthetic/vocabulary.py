"""Thai public-service vocabulary for synthetic records, as (Thai, English) pairs.

Generic on purpose: no real agency, person or result is named, so nothing here can be
read as a claim about a real agency. Thai text mixes in the English terms Thai civil
servants write in English (LINE OA, Open Data, API, Design Thinking).
"""

# Issue areas of the service-issue track: slug suffix, Thai name, English name. The
# first ones are the public-service issues the brief and DOMAIN.md name.
ISSUE_AREAS = (
    ("land-and-housing", "ที่ดินและที่อยู่อาศัย", "Land and housing"),
    ("tourism", "การท่องเที่ยวชุมชน", "Community tourism"),
    ("public-health", "สาธารณสุขและการแพทย์", "Public health and medicine"),
    ("education", "การศึกษาและการเรียนรู้", "Education and learning"),
    ("drugs", "การป้องกันปัญหายาเสพติด", "Preventing drug abuse"),
    ("disability", "คุณภาพชีวิตคนพิการและผู้สูงอายุ", "Disability and ageing"),
    ("agriculture", "เกษตรกรรมและอาหาร", "Agriculture and food"),
    ("transport", "การเดินทางและการจราจร", "Travel and traffic"),
    ("environment", "สิ่งแวดล้อมและการจัดการขยะ", "Environment and waste"),
    ("disasters", "ภัยพิบัติและน้ำท่วม", "Disasters and floods"),
    ("business", "การค้าและการลงทุน", "Trade and investment"),
    ("safety", "ความปลอดภัยในชีวิตและทรัพย์สิน", "Safety of life and property"),
    ("labour", "แรงงานและการจ้างงาน", "Labour and employment"),
    ("welfare", "สวัสดิการสังคม", "Social welfare"),
)

SERVICES = (
    ("การจดทะเบียนสิทธิและนิติกรรมที่ดิน", "land title registration"),
    ("การรังวัดที่ดิน", "land surveys"),
    ("การขออนุญาตก่อสร้างอาคาร", "building permits"),
    ("การขอใบอนุญาตประกอบธุรกิจท่องเที่ยว", "tour business licences"),
    ("การนัดหมายพบแพทย์", "doctor appointments"),
    ("การรับยาที่ร้านยาใกล้บ้าน", "collecting medicine near home"),
    ("การคัดกรองสุขภาพผู้สูงอายุ", "health screening for older people"),
    ("การรับสมัครนักเรียน", "school admissions"),
    ("การขอทุนการศึกษา", "scholarship applications"),
    ("การบำบัดผู้ติดยาเสพติด", "drug rehabilitation"),
    ("การเฝ้าระวังยาเสพติดในชุมชน", "community drug watch"),
    ("การขึ้นทะเบียนคนพิการ", "disability registration"),
    ("การขอรับเบี้ยยังชีพผู้สูงอายุ", "old-age allowance claims"),
    ("การขึ้นทะเบียนเกษตรกร", "farmer registration"),
    ("การแจ้งความเสียหายจากภัยพิบัติ", "disaster damage claims"),
    ("การต่อใบอนุญาตขับรถ", "driving licence renewal"),
    ("การชำระภาษีรถประจำปี", "annual vehicle tax"),
    ("การขอใบอนุญาตนำเข้าสินค้า", "import permits"),
    ("การจดทะเบียนพาณิชย์", "commercial registration"),
    ("การแจ้งความออนไลน์", "online police reports"),
    ("การรับเรื่องร้องเรียน", "complaint handling"),
    ("การจัดเก็บขยะชุมชน", "community waste collection"),
    ("การแจ้งเตือนน้ำท่วม", "flood warnings"),
    ("การจัดสรรน้ำเพื่อการเกษตร", "water allocation for farming"),
    ("การหางานและฝึกอาชีพ", "job matching and training"),
    ("การขอรับสวัสดิการแห่งรัฐ", "state welfare claims"),
    ("การแจ้งเกิดและแจ้งตาย", "birth and death registration"),
    ("การขอหนังสือรับรองต่าง ๆ", "certificate requests"),
)

APPROACHES = (
    ("แพลตฟอร์มดิจิทัลสำหรับ", "A digital platform for"),
    ("ระบบจองคิวออนไลน์สำหรับ", "Online queueing for"),
    ("แชทบอทผ่าน LINE OA ตอบคำถามเรื่อง", "A LINE OA chatbot on"),
    ("ศูนย์บริการครบวงจรด้าน", "A one-stop centre for"),
    ("การลดขั้นตอน", "Fewer steps in"),
    ("บริการเคลื่อนที่เพื่อ", "A mobile service for"),
    ("แดชบอร์ดข้อมูลเปิด (Open Data) ด้าน", "An open data dashboard on"),
    ("บริการแบบไร้กระดาษสำหรับ", "Paperless"),
    ("การออกแบบบริการใหม่โดยยึดประชาชนเป็นศูนย์กลาง: ", "Human-centred redesign of"),
    ("การเชื่อมโยงข้อมูลข้ามหน่วยงานเพื่อ", "Linked agency data for"),
    ("ระบบติดตามสถานะคำขอสำหรับ", "Request tracking for"),
    ("อาสาสมัครชุมชนช่วย", "Community volunteers helping with"),
)

TARGETS = (
    ("ผู้สูงอายุ", "older people"),
    ("เกษตรกร", "farmers"),
    ("ผู้ประกอบการรายย่อย", "small business owners"),
    ("นักเรียนและผู้ปกครอง", "pupils and parents"),
    ("คนพิการ", "persons with disabilities"),
    ("แรงงานข้ามชาติ", "migrant workers"),
    ("นักท่องเที่ยว", "tourists"),
    ("ชาวประมงพื้นบ้าน", "small-scale fishers"),
    ("ผู้ป่วยโรคเรื้อรัง", "people with chronic illness"),
    ("ประชาชนในพื้นที่ห่างไกล", "people in remote areas"),
    ("เยาวชน", "young people"),
    ("ผู้มีรายได้น้อย", "people on low incomes"),
)

# Thai province, English name; one in three events and places is in Bangkok.
PLACES = (
    ("กรุงเทพฯ", "Bangkok"),
    ("เชียงใหม่", "Chiang Mai"),
    ("ขอนแก่น", "Khon Kaen"),
    ("นครราชสีมา", "Nakhon Ratchasima"),
    ("ภูเก็ต", "Phuket"),
    ("สงขลา", "Songkhla"),
    ("อุดรธานี", "Udon Thani"),
    ("ชลบุรี", "Chon Buri"),
    ("พิษณุโลก", "Phitsanulok"),
    ("น่าน", "Nan"),
    ("สุราษฎร์ธานี", "Surat Thani"),
    ("อุบลราชธานี", "Ubon Ratchathani"),
    ("นครศรีธรรมราช", "Nakhon Si Thammarat"),
    ("ปัตตานี", "Pattani"),
)

ABROAD = (
    ("ฮานอย", "Hanoi", "เวียดนาม", "Vietnam"),
    ("สิงคโปร์", "Singapore", "สิงคโปร์", "Singapore"),
    ("โซล", "Seoul", "เกาหลีใต้", "South Korea"),
    ("กัวลาลัมเปอร์", "Kuala Lumpur", "มาเลเซีย", "Malaysia"),
)

VENUES = (
    ("ห้องประชุมใหญ่ ชั้น 3", "Main meeting room, 3rd floor"),
    ("ศูนย์ประชุมประจำจังหวัด", "Provincial convention centre"),
    ("ห้องปฏิบัติการนวัตกรรม ชั้น 5", "Innovation lab room, 5th floor"),
    ("หอประชุมมหาวิทยาลัย", "University auditorium"),
    ("ศาลากลางจังหวัด", "Provincial hall"),
    ("โรงแรมในตัวเมือง", "A hotel in the city centre"),
)

# Why a project is worth doing: Thai, English; aims, never claimed results.
PROBLEMS = (
    (
        "ผู้รับบริการต้องเดินทางมาติดต่อหลายครั้งและกรอกเอกสารซ้ำ",
        "people must come in several times and fill in the same forms again",
    ),
    (
        "ข้อมูลกระจายอยู่หลายหน่วยงานและไม่เชื่อมโยงกัน",
        "the data is spread over several agencies that do not share it",
    ),
    (
        "ระยะเวลารอคอยนานและไม่ทราบสถานะคำขอ",
        "waits are long and people cannot see where their request stands",
    ),
    (
        "ประชาชนไม่ทราบสิทธิและขั้นตอนการขอรับบริการ",
        "people do not know their rights or the steps to ask for the service",
    ),
    ("เจ้าหน้าที่มีภาระงานเอกสารสูง", "staff spend much of their time on paperwork"),
    ("บริการไม่เข้าถึงกลุ่มเปราะบาง", "the service does not reach vulnerable groups"),
)

METHODS = (
    ("ใช้กระบวนการคิดเชิงออกแบบ (Design Thinking)", "Used design thinking"),
    (
        "ลงพื้นที่สัมภาษณ์ผู้รับบริการและเจ้าหน้าที่หน้างาน",
        "Interviewed service users and front-line staff",
    ),
    ("จัดเวิร์กช็อประดมความคิดร่วมกับภาคประชาชน", "Ran co-design workshops with citizens"),
    (
        "ทดสอบต้นแบบกับผู้ใช้จริงในพื้นที่นำร่อง",
        "Tested the prototype with real users in a pilot area",
    ),
    ("เชื่อมต่อข้อมูลผ่าน API กับระบบเดิม", "Connected to existing systems through an API"),
    (
        "จัดทำแผนที่การเดินทางของผู้รับบริการ (Customer Journey Map)",
        "Mapped the service user's journey",
    ),
)

PROGRESS = (
    (
        "ลงพื้นที่ทดสอบต้นแบบกับผู้รับบริการ {n} ราย",
        "Tested the prototype with {n} service users",
    ),
    (
        "จัดประชุมหารือกับหน่วยงานที่เกี่ยวข้อง {n} ครั้ง",
        "Held {n} meetings with the agencies involved",
    ),
    (
        "ปรับปรุงแบบฟอร์มคำขอตามข้อเสนอแนะของผู้ใช้",
        "Revised the request form after user feedback",
    ),
    ("อบรมเจ้าหน้าที่หน้างาน {n} คน", "Trained {n} front-line staff"),
    (
        "เปิดให้บริการผ่าน QR code ที่จุดบริการ {n} แห่ง",
        "Opened the service by QR code at {n} service points",
    ),
    ("สรุปผลการสำรวจความพึงพอใจของผู้ใช้บริการ", "Summarised the user satisfaction survey"),
    ("จัดทำคู่มือการใช้งานสำหรับประชาชน", "Wrote a user guide for the public"),
)

STAGE_REASONS = (
    ("ผลการทดสอบกับผู้ใช้เป็นไปตามเป้าหมาย", "User tests met their targets"),
    ("ได้รับงบประมาณสำหรับระยะถัดไป", "Funding was found for the next phase"),
    ("หน่วยงานเจ้าภาพพร้อมขยายผล", "The host agency is ready to scale up"),
    ("คณะทำงานเห็นชอบให้ดำเนินการต่อ", "The working group agreed to go on"),
)

STOP_REASONS = (
    ("ไม่ได้รับงบประมาณต่อเนื่อง", "No further funding"),
    (
        "มีบริการของหน่วยงานอื่นที่ตอบโจทย์เดียวกันแล้ว",
        "Another agency's service already meets the need",
    ),
)

LESSONS = (
    ("ควรให้ผู้ใช้บริการมีส่วนร่วมตั้งแต่ช่วงแรก", "Involve service users from the start"),
    (
        "การเชื่อมโยงข้อมูลต้องมีข้อตกลงระหว่างหน่วยงานก่อน",
        "Data sharing needs an agreement between agencies first",
    ),
    ("เจ้าหน้าที่หน้างานต้องได้รับการอบรมอย่างต่อเนื่อง", "Front-line staff need ongoing training"),
    ("ควรเริ่มจากพื้นที่นำร่องขนาดเล็ก", "Start with a small pilot area"),
)

RETURN_REASONS = (
    "กรุณาระบุจำนวนผู้รับบริการที่เข้าร่วมทดสอบ",
    "กรุณาแนบหลักฐานการประชุมหรือภาพกิจกรรม",
    "ข้อมูลซ้ำกับรายงานฉบับก่อน",
)

# Event kinds: Thai and English title openings.
EVENT_TITLES = {
    "hackathon": ("แฮกกาธอน", "Hackathon:"),
    "symposium": ("การสัมมนาวิชาการ", "Symposium:"),
    "workshop": ("การประชุมเชิงปฏิบัติการ", "Workshop:"),
    "conference": ("การประชุมวิชาการระดับชาติ", "National conference:"),
    "launch": ("พิธีเปิดตัวโครงการ", "Launch:"),
    "committee-meeting": ("การประชุมคณะทำงานนวัตกรรมภาครัฐ", "Innovation working group"),
    "series": ("ซีรีส์นวัตกรรมภาครัฐ", "Public-sector innovation series:"),
}
