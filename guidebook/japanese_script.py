"""The characters of written Japanese, as regular-expression classes: one definition for the
passes that tell Japanese from other text (readings, the language of parts, the data's words
with readings, the print edition's phrases)."""

# Chinese characters: extension A, the unified block and the compatibility block, with 々 〆 ヶ
# (霞ヶ関 has its reading over ヶ too).
KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006\u30f6"
# Hiragana with ゝ ゞ; katakana with ー ヽ ヾ; half-width katakana.
KANA = "\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc\u30fd\u30fe\uff66-\uff9f"
# The middle dot between the words of a katakana name (マイナンバー・カード).
MIDDLE_DOT = "\u30fb"
