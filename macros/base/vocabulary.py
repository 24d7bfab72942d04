"""The handbook's agreed vocabulary: one slug per thing, with its Chinese title.

Report types (/genres/<slug>/), sections (/sections/<slug>/) and unit levels.
Data files, pages and tests use these slugs; every module imports them here.
"""
from __future__ import annotations

GENRES: dict[str, str] = {
    "team-duty-report": "领导班子述责述廉报告",
    "personal-duty-report": "个人述职述廉（述责）报告",
    "secretary-responsibility-report": "党组（党委）书记履行全面从严治党主体责任情况报告",
    "leader-supervision-report": "关于加强对“一把手”和领导班子监督工作情况的汇报",
    "personal-appraisal-report": "个人述职述廉报告（德能勤绩廉）",
}
SECTIONS: dict[str, str] = {
    "title": "标题",
    "opening": "开头（导语）",
    "political-building": "政治建设和理论武装",
    "primary-responsibility": "履行全面从严治党主体责任",
    "ideology": "意识形态工作",
    "organisation": "组织建设和干部队伍建设",
    "work-style": "作风建设",
    "eight-rules": "落实中央八项规定精神",
    "discipline": "纪律建设和党风廉政建设",
    "personal-integrity": "个人廉洁自律",
    "team-integrity": "领导班子廉洁自律和接受监督",
    "rule-of-law": "履行推进法治建设第一责任人职责（述法）",
    "ability": "能力素质",
    "diligence": "勤勉敬业",
    "main-business": "主责主业",
    "supervision": "对“一把手”和领导班子的监督",
    "supervision-top-leader": "对“一把手”的监督",
    "supervision-peer": "同级领导班子监督",
    "supervision-lower": "对下级领导班子的监督",
    "power-operation": "权力运行制约和监督",
    "internal-inspection": "内部巡察",
    "accountability": "问责和执纪",
    "support-discipline": "支持纪检监察机构履行监督责任",
    "leading-team": "抓班子带队伍",
    "rectification": "问题整改",
    "problems": "存在的问题",
    "causes": "原因分析",
    "next-steps": "下一步打算和整改措施",
    "closing": "结尾",
}
LEVELS: dict[str, str] = {"province": "省级", "city": "市级", "county": "县级"}
