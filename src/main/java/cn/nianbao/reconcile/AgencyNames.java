package cn.nianbao.reconcile;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Agency names as a matching key: full-width folded to half-width (NFKC), spaces and invisible
 * characters removed, （） and () made alike, and traditional characters common in agency names
 * mapped to simplified ones, one character for one ("where simple"; no phrase conversion).
 */
public final class AgencyNames {
    // Pairs of traditional and simplified characters found in the names of Chinese government bodies.
    private static final String PAIRS =
            "縣县區区廳厅處处會会衛卫應应辦办開开務务發发質质監监總总農农業业資资環环護护關关稅税財财國国華华東东"
            + "門门廣广蘇苏齊齐遼辽寧宁龍龙陝陕漢汉貴贵雲云灣湾個个號号員员學学醫医藥药體体運运輸输鐵铁電电網网統统"
            + "計计審审規规劃划機机構构編编檔档館馆軍军僑侨聯联園园場场礦矿產产險险單单級级組组織织職职鄉乡鎮镇紀纪"
            + "檢检測测證证廠厂衞卫價价經经濟济貿贸數数據据調调設设備备難难災灾減减氣气漁渔輕轻勞劳動动屬属於于條条"
            + "項项類类議议協协黨党團团婦妇殘残離离傳传視视聽听藝艺術术圖图書书歷历線线橋桥築筑營营車车輛辆飛飞郵邮"
            + "報报紙纸雜杂誌志糧粮儲储貨货幣币銀银庫库舊旧導导僱雇領领訊讯認认識识執执態态補补歸归"
            + "覽览禮礼穩稳鬥斗範范韓韩滬沪閩闽贛赣晉晋魯鲁瓊琼";
    private static final Map<Character, Character> T2S = new HashMap<>();

    static {
        for (int i = 0; i + 1 < PAIRS.length(); i += 2) {
            T2S.put(PAIRS.charAt(i), PAIRS.charAt(i + 1));
        }
    }

    private AgencyNames() {
    }

    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff') {
                continue;
            }
            out.append(T2S.getOrDefault(c, c));
        }
        return out.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
