"""Generate the anonymiser's evaluation set: synthetic reports with planted items and traps.

    .venv/bin/python tests/data/anonymise/make_eval.py   # rewrites report-NN.txt / .items.json here

Deterministic (fixed seed, no dependence on dict or set order): the same files every run;
tests/test_anonymise.py checks that the committed files equal a fresh generation.
Every name, number and address here is invented.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
N_REPORTS = 12
SEED = 20261123

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋"
GIVEN = ["建国", "晓梅", "志强", "海涛", "丽", "伟", "明", "红英", "国庆", "春生", "秀兰", "卫东", "佳", "文斌", "静"]
TITLES = ["同志", "局长", "书记", "副局长", "主任", "处长"]
PROVINCES = ["江苏省", "安徽省", "湖南省", "福建省", "河南省", "四川省", "浙江省", "山东省"]
PROVINCE_SHORT = ["江苏", "安徽", "湖南", "福建", "河南", "四川", "浙江", "山东"]
CITIES = ["南京市", "合肥市", "长沙市", "福州市", "郑州市", "成都市", "杭州市", "济南市", "苏州市", "芜湖市", "岳阳市",
          "泉州市", "洛阳市", "绵阳市", "宁波市", "青岛市"]
COUNTIES = ["江宁区", "肥西县", "浏阳市", "闽侯县", "中牟县", "郫都区", "桐庐县", "章丘区", "昆山市", "繁昌区", "平江县",
            "安溪县", "栾川县", "三台县", "象山县", "胶州市"]
VILLAGES = ["王家庄村", "桃源村", "红星社区", "青石镇", "柳河乡", "李家湾村"]
ORGANS = ["审计局", "财政局", "人民政府", "纪委", "发展和改革委员会", "教育局", "自然资源和规划局", "市场监督管理局"]
PROV_ORGANS = ["财政厅", "审计厅", "人民政府"]
COMPANIES = ["华兴建设有限公司", "恒信置业集团", "东方明珠物业有限公司", "长江水务股份有限公司"]
LANDMARKS = ["雨花台", "渡江胜利纪念馆", "焦裕禄纪念园", "遵义会议会址", "中山陵", "红岩村", "人民英雄纪念碑",
             "周恩来故居", "八一起义纪念馆", "西湖公园", "中央大街"]
PROJECTS = ["滨江新城项目", "青龙山隧道工程", "东站综合枢纽工程", "城南棚户区改造项目", "北湖湿地公园项目", "经开区产业园项目"]
STREETS = ["中山路", "建设大道", "人民路", "解放大街", "北京东路", "环城西路"]

# Sentences with no identifying item: the genre's vocabulary and the known traps.
TRAPS = [
    "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神，增强“四个意识”，坚定“四个自信”，做到“两个维护”。",
    "大兴调查研究之风，推动班子成员深入基层，加强交流合作，会同有关部门开展专项整治。",
    "弘扬焦裕禄精神、雷锋精神和遵义会议精神，严格落实中央八项规定精神，持续纠治“四风”。",
    "在市委、县委的坚强领导和省厅的指导下，全局上下为群众幸福安康、社会长治久安作出贡献。",
    "全年完成新建改造项目【数字】个，举办XX期培训班，为某某单位解决问题***个，X机关工作有序推进。",
    "2023年4月，局党组召开专题会议；2022年，全年共召开党组会议24次，确保定期研究部署。",
    "党组书记带头讲党课，局长高度重视，班子成员认真落实“一岗双责”。",
    "把招商引资作为一号工程，扎实推进民生工程和重点项目建设，全力推动乡村振兴。",
    "发挥沿海城市优势，服务长江经济带发展和粤港澳大湾区建设。",
    "严格执行《中国共产党纪律处分条例》，认真落实新时代党的组织路线。",
    "对照【单位名称】年度目标，逐项梳理完成情况，形成问题清单、任务清单和责任清单。",
    "身份证号码、手机号码等个人信息一律不得外传，严格执行保密规定。",
]


def _id_number(rng: random.Random, valid: bool) -> str:
    area = rng.choice(["320102", "340104", "430103", "350102", "410105", "510104"])
    year = rng.randint(1962, 1995)
    month = rng.randint(1, 12) if valid else 13 + rng.randint(0, 5)
    day = rng.randint(1, 28)
    seq = rng.randint(100, 999)
    check = rng.choice("0123456789X")
    return f"{area}{year}{month:02d}{day:02d}{seq}{check}"


def _sentence(rng: random.Random) -> list[object]:
    """One sentence: a list of plain strings and (text, category) items."""
    name = rng.choice(SURNAMES) + rng.choice(GIVEN)
    city, county = rng.choice(CITIES), rng.choice(COUNTIES)
    i = rng.randrange(len(PROVINCES))
    kinds = [
        lambda: [(name, "person"), rng.choice(TITLES) + "带领班子成员深入一线调研，现场解决难题。"],
        lambda: ["述职人：", (name, "person"), "。"],
        lambda: ["会议由", (rng.choice(SURNAMES), "person"), "局长主持，传达上级精神。"],
        lambda: ["赴", (county, "place"), (rng.choice(VILLAGES), "place"), "开展结对帮扶，走访困难群众。"],
        lambda: ["组织党员干部到", (PROVINCES[i], "place"), (city, "place"), "考察学习先进经验。"],
        lambda: ["带队考察", (PROVINCE_SHORT[i], "place"), "等地，学习借鉴好经验好做法。"],
        lambda: ["配合", (city + rng.choice(ORGANS), "unit"), "完成专项检查，及时整改反馈问题。"],
        lambda: ["按照", (PROVINCES[i] + rng.choice(PROV_ORGANS), "unit"), "的统一部署，扎实开展专项行动。"],
        lambda: ["督促", (rng.choice(COMPANIES), "unit"), "落实安全生产责任。"],
        lambda: ["组织党员参观", (rng.choice(LANDMARKS), "landmark"), "，接受革命传统教育。"],
        lambda: ["全力推进", (rng.choice(PROJECTS), "project"), "建设，确保按期完工。"],
        lambda: ["联系电话：", (f"1{rng.choice('3589')}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}", "phone"), "。"],
        lambda: ["值班电话", (f"0{rng.choice(['25', '551', '731', '591'])}-{rng.randint(1000000, 9999999)}{rng.randint(0, 9)}", "phone"),
                 "，全天有人值守。"],
        lambda: ["经核查，当事人身份证号码为", (_id_number(rng, True), "id_card"), "，已按规定处理。"],
        lambda: ["编号", _id_number(rng, False), "的档案已归档。"],  # invalid birth date: not an ID
        lambda: ["来信请发送至", (f"{rng.choice(['jjz', 'dangban', 'office'])}{rng.randint(1, 99)}@{rng.choice(['example.com', 'mail.example.cn'])}", "email"), "。"],
        lambda: ["公务用车", (f"{rng.choice('苏皖湘闽豫川')}{rng.choice('ABCDE')}{rng.choice(['·', ''])}{rng.randint(10000, 99999)}", "plate"),
                 "已按规定封存。"],
        lambda: ["新能源公务用车", (f"{rng.choice('苏皖湘')}{rng.choice('ABC')}D{rng.randint(10000, 99999)}", "plate"), "已登记。"],
        lambda: ["于", (f"2023年{rng.randint(1, 12)}月{rng.randint(1, 28)}日", "date"), "召开专题民主生活会。"],
        lambda: ["在", (f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日", "date"), "前完成整改。"],
        lambda: ["依据", (f"{rng.choice(['苏审发', '皖财办', '湘纪发'])}〔{rng.randint(2019, 2024)}〕{rng.randint(1, 99)}号", "doc_number"),
                 "文件要求，开展自查自纠。"],
        lambda: ["办公地址位于", (f"{rng.choice(STREETS)}{rng.randint(1, 300)}号", "address"), "。"],
    ]
    return rng.choice(kinds)()


def make_report(rng: random.Random) -> tuple[str, list[dict[str, object]]]:
    parts: list[object] = [f"{rng.randint(2019, 2025)}年度述责述廉报告\n"]
    for _ in range(4):
        parts.append(rng.choice(TRAPS))
        for _ in range(rng.randint(3, 5)):
            parts.extend(_sentence(rng))
        parts.append(rng.choice(TRAPS) + "\n")
    text, items = "", []
    for p in parts:
        if isinstance(p, tuple):
            items.append({"start": len(text), "end": len(text) + len(p[0]), "category": p[1], "text": p[0]})
            text += p[0]
        else:
            text += str(p)
    return text, items


def generate() -> dict[str, str]:
    rng = random.Random(SEED)
    files: dict[str, str] = {}
    for n in range(1, N_REPORTS + 1):
        text, items = make_report(rng)
        files[f"report-{n:02d}.txt"] = text
        files[f"report-{n:02d}.items.json"] = json.dumps(items, ensure_ascii=False, indent=1) + "\n"
    return files


if __name__ == "__main__":
    for name, content in generate().items():
        (HERE / name).write_text(content, encoding="utf-8")
    print(f"wrote {N_REPORTS} reports to {HERE}")
