"""The place dictionary: China's province-level divisions and large cities, and the countries
figures are compared with, by name.

Plain data, read by :mod:`~aikg.extraction.places` (places found in text, the area of a figure)
and :mod:`~aikg.extraction.entities` (local government bodies: 广东省工业和信息化厅).
"""

from __future__ import annotations

import re

#: Province-level divisions of China (simplified names without suffix) and their English names.
PROVINCES = {
    "北京": "Beijing", "天津": "Tianjin", "上海": "Shanghai", "重庆": "Chongqing",
    "河北": "Hebei", "山西": "Shanxi", "辽宁": "Liaoning", "吉林": "Jilin",
    "黑龙江": "Heilongjiang", "江苏": "Jiangsu", "浙江": "Zhejiang", "安徽": "Anhui",
    "福建": "Fujian", "江西": "Jiangxi", "山东": "Shandong", "河南": "Henan", "湖北": "Hubei",
    "湖南": "Hunan", "广东": "Guangdong", "海南": "Hainan", "四川": "Sichuan", "贵州": "Guizhou",
    "云南": "Yunnan", "陕西": "Shaanxi", "甘肃": "Gansu", "青海": "Qinghai", "台湾": "Taiwan",
    "内蒙古": "Inner Mongolia", "广西": "Guangxi", "西藏": "Tibet", "宁夏": "Ningxia",
    "新疆": "Xinjiang", "香港": "Hong Kong", "澳门": "Macao",
}  # fmt: skip
#: Sub-provincial and other large cities (simplified names without 市).
CITIES = {
    "深圳": "Shenzhen", "广州": "Guangzhou", "杭州": "Hangzhou", "南京": "Nanjing",
    "成都": "Chengdu", "武汉": "Wuhan", "西安": "Xi'an", "苏州": "Suzhou", "合肥": "Hefei",
    "厦门": "Xiamen", "青岛": "Qingdao", "宁波": "Ningbo", "大连": "Dalian", "沈阳": "Shenyang",
    "长沙": "Changsha", "郑州": "Zhengzhou", "济南": "Jinan", "福州": "Fuzhou",
    "东莞": "Dongguan", "无锡": "Wuxi", "哈尔滨": "Harbin", "长春": "Changchun",
    "昆明": "Kunming", "贵阳": "Guiyang", "南宁": "Nanning", "雄安": "Xiong'an",
}  # fmt: skip
#: Countries other than China that figures are compared with (rankings, shares of a world
#: total): Chinese name -> (English name, ISO 3166 alpha-2 code, the project's IRI name, as
#: ``place:CN``).
COUNTRIES = {
    "美国": ("United States", "US"), "韩国": ("South Korea", "KR"), "日本": ("Japan", "JP"),
    "德国": ("Germany", "DE"), "印度": ("India", "IN"), "英国": ("United Kingdom", "GB"),
    "法国": ("France", "FR"), "新加坡": ("Singapore", "SG"),
}  # fmt: skip
#: Other English names of those countries (folded: lower case).
COUNTRY_ALIASES = {"the us": "美国", "korea": "韩国", "britain": "英国", "the uk": "英国"}
#: IRI names that differ from the English label (the project writes ``place:macau`` for Macao).
SLUGS = {"澳门": "macau"}
#: Other English spellings of a place in the dictionary.
ALIASES = {"macau": "澳门", "hongkong": "香港", "hk": "香港"}
#: Local words of the two SARs (本澳, 本港): the place itself, whatever the title names.
SAR_LOCAL = {"澳门": re.compile(r"本澳|全澳|澳门特区"), "香港": re.compile(r"本港|全港|香港特区")}
#: The currency of each SAR (folded text): a text that counts money in it and names the SAR,
#: and no other place of China, is the SAR's own (a government press release in HK$).
#: Bodies of each SAR (folded text) that name it in its own texts without its name: a text in
#: the SAR's currency that names one of them and no other place of China is the SAR's own (a
#: Legislative Council reply in HK$ that speaks only of 數碼港 and 創新科技及工業局). 立法会, the
#: legislature of both SARs (the mainland's are 人大), counts for the SAR whose currency it uses.
#: Taiwan's own texts follow the same rule (not a SAR, but a place with its own currency and its
#: own bodies: 经济部, 行政院, which the mainland's government does not have).
SAR_BODIES = {
    "澳门": re.compile(r"立法会|统计暨普查局|经济及科技发展局|经科局|行政长官|特区政府"),
    "台湾": re.compile(
        r"行政院|立法院|经济部|国发会|主计总处|金管会|陆委会|台北报导"
        r"|executive yuan|legislative yuan"
    ),
    "香港": re.compile(
        r"立法会|数码港|创新科技及工业局|创科局|投资推广署|行政长官|特区政府"
        r"|\blegco\b|\blegislative council\b|\bcyberport\b"
    ),
}
SAR_CURRENCY = {
    "澳门": re.compile(r"澳门元|澳门币|葡币|\bmop\$?"),
    "台湾": re.compile(r"新台币|\bnt\$|\bntd\b"),
    "香港": re.compile(r"港元|港币|\bhk\$|\bhkd\b"),
}
