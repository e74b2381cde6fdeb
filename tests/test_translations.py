"""Wording that readers found wrong and that was corrected: it must not come back, on any built
page of its language (interface strings and search included) or in its catalog. Each phrase is
the old wording as a reader met it; the corrections are described in the commit that made them."""

import html
import re

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from guidebook.languages import LANGUAGES, root
from tracing import pages

CORRECTED = {
    # Statements read against the printed guidebook (the Japanese pages included).
    "ja": ["健康保険証の発行が終わり", "カードの電子証明書が使えなくなります"],
    "en": ["stopped being issued", "you can no longer use the electronic certificates"],
    "vi": ["ngày ngày", "Initializing search", "Bỏ qua", "Trở lại mục lục", "tài liệu liên quan",
           "từ khác trong trang", "PDF để in: Chữ", "Số ấn phẩm", "phạm vi của tuyên bố này", "tiêu đề và đầu cột"],
    "ko": ["AA을", "마이넘버 카드 및 전자증명서를 넣은", "번째 토요일", "및 4", "검색 초기화", "상단/헤더", "하단/푸터",
           "이 안내의 대상", "제목과 머리글이 있어", "언어설정", "네비게이션", "맨위로"],
    "zh": ["前一天之前", "滨松町", "休息日", "跳转至", "选择当前语言", "不在本说明的范围之内"],
    "tl": ["Lunes hanggang Biyernes", "Pumili ng lenguwahe", "Nakopya mula sa clipboard", "I-skip tungo sa nilalaman",
           "Lagdang Pangwakas", "Pamuhatan", "meron sa pahina na ito", "magkatugmang mga dokumento", "Bumalik sa taas",
           "Iisyuhan", "Hindi sakop ng pahayag na ito", "ang card hanggang sa araw bago ang nakatakdang paglipat"],
    "id": ["Jangan tertipu!!", "tidak bisa dipakai!.", "jika terkunci?.", "mulai hari setelah tanggal",
           "Mulai hari setelah tanggal", "Tempat mengurus: Ponsel pintar", "Tempat mengurus: Loket Bagian",
           "atau Loket Bagian Urusan Warga", ", Loket Bagian Urusan Warga", "Hari Libur Nasional",
           "dan Libur Tahun Baru (", "Kantor Cabang Shiba Seksi Layanan Loket",
           "lihat Anda dapat mengurus kepindahan keluar", "lihat Jika kartu hilang atau dicuri"],
    "pt": ["você usa a senha e o PIN", "o que são a senha e o PIN", "Para quem tinha menos de",
           "veja A senha ou o PIN não funciona!", "veja Você pode declarar", "veja Em caso de perda ou furto"],
    "ne": ["मिनातो सिटीको वेबसाइटबाट", "माई नम्बर कार्डको मुख्य वेबसाइटमा", "डिजिटल एजेन्सीको वेबसाइट",
           "डिजिटल एजेन्सीले", "मन्त्रालयको वेबसाइटमा", "थप जानकारीका लागि माइनापोर्टल हेर्नुहोस्",
           "मिनातो सिटीको वेबसाइटको", "थप जानकारीका लागि माई नम्बर कार्डको मुख्य वेबसाइट हेर्नुहोस्",
           "आवेदनबारे माई नम्बर कार्डको मुख्य वेबसाइट हेर्नुहोस्", "(मिनातो सिटीको वेबसाइट)",
           "माइनापोर्टल तपाईंको आफ्नै व्यक्तिगत वेबसाइट हो", "(नवीकरणबारे)",
           "(इलेक्ट्रोनिक प्रमाणपत्रको नवीकरणबारे)", "(माई नम्बर चाहिने प्रक्रिया)",
           "(मूल दर्ता ठेगाना मिनातो सिटीबाहिर भएमा)", "लक भएमा के गर्ने? हेर्नुहोस्", "(लक भएमा के गर्ने?)",
           "(पुनः जारीको शुल्क)", "(कन्भिनियन्स स्टोर प्रमाणपत्र सेवाबाट पाइने प्रमाणपत्रका प्रकार)",
           "पासवर्ड वा पिन चलेन! हेर्नुहोस्", "धेरै सोधिने प्रश्नहरू हेर्नुहोस्",
           "थप जानकारीका लागि कार्ड हराएमा वा चोरी भएमा हेर्नुहोस्",
           "प्रक्रियाबारे बाहिर सर्ने प्रक्रिया गर्न सकिन्छ हेर्नुहोस्", "(माइनापोर्टल)",
           "थप जानकारीका लागि मिनातो सिटी माई नम्बर कार्ड सेन्टर र शाखा कार्यालयहरू हेर्नुहोस्",
           "मानक संस्करण (PDF)", "ठूलो अक्षरको संस्करण (PDF)", "यस विवरणभित्र पर्दैनन्", "शीर्षक र हेडिङ छन्",
           "थिच्नुहोस्: \"मुख्य सामग्रीमा जानुहोस्\"", "सूचना कार्ड, कन्भिनियन्स स्टोर प्रमाणपत्र सेवा",
           "माई नम्बर प्रणाली, कम्पनीको नम्बर", "माइनापोर्टल, स्मार्टफोनमा माई नम्बर कार्ड",
           "सबैले सजिलै प्रयोग गर्न सकून् भनेर बनाइएको हो:"],
    "th": ["ประกันสังคม", "สำนักงานดิจิทัล (Digital Agency)ได้จัดทำ", "มินิสต็อปทั่วประเทศญี่ปุ่น",
           "(ขั้นตอนที่ต้องใช้มายนัมเบอร์)", "(กรณีภูมิลำเนาตามทะเบียนครอบครัวอยู่นอกเขตมินาโตะ)",
           "(เรื่องการต่ออายุ)", "(เรื่องการต่ออายุใบรับรองอิเล็กทรอนิกส์)",
           "(ประเภทใบรับรองที่ขอได้จากบริการออกใบรับรองที่ร้านสะดวกซื้อ)", "(ถ้าถูกล็อกต้องทำอย่างไร?)",
           "(ค่าธรรมเนียมการออกบัตรใหม่)", "“ถ้าถูกล็อกต้องทำอย่างไร?”", "“รหัสผ่านหรือรหัส PIN ใช้ไม่ได้!”",
           "ดูรายละเอียดได้ที่หน้าคำถามที่พบบ่อย", "(มายนาพอร์ทัล)", "ปิด (วันหยุดราชการ)",
           "บัตรแจ้งหมายเลข บริการออกใบรับรองที่ร้านสะดวกซื้อ", "ระบบมายนัมเบอร์ หมายเลขนิติบุคคล",
           "มายนาพอร์ทัล บัตรมายนัมเบอร์บนสมาร์ทโฟน", "ขอบเขตของคำชี้แจงนี้", "ลิงก์ \"ข้ามไปที่เนื้อหา\"",
           "ตัวนำทาง"],
}


def _published(site, lang: str) -> dict[str, str]:
    """Every built page of a language: its markup (interface strings, search configuration) with
    character references read, and its text as a reader sees it (tags between words dropped)."""
    found = {name: path.read_text(encoding="utf-8") for name, path in pages(site, lang, LANGUAGES).items()}
    found["404.html"] = (root(site, lang) / "404.html").read_text(encoding="utf-8")
    return {name: html.unescape(text) + "\n" + re.sub(r"\s+", " ", BeautifulSoup(text, "lxml").get_text())
            for name, text in found.items()}


@pytest.mark.parametrize("lang", CORRECTED)
def test_corrected_wording_does_not_come_back(site, lang):
    po = ROOT / "locales" / f"{lang}.po"  # Japanese, the source, has none
    catalog = po.read_text(encoding="utf-8") if po.exists() else ""
    found = [f"{name}: {phrase!r}" for name, text in {**_published(site, lang), f"locales/{lang}.po": catalog}.items()
             for phrase in CORRECTED[lang] if phrase in text]
    assert not found, f"{lang}: wording corrected before is back:\n" + "\n".join(found)
