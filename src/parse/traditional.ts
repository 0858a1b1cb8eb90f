// Traditional → simplified characters, for reading headers and names only. Some published tables
// reach us in traditional characters (a re-host run through a converter): `序號`, `責任單位`,
// `縣教育局`. The parser compares headers and name endings on the simplified form and keeps the
// text as written. A small table of the characters such tables use, not a full converter.

const PAIRS =
  '號号項项稱称設设規规資资總总間间際际況况務务標标劃划計计時时領领導导門门辦办單单責责進进實实現现據据報报員员' +
  '區区縣县鄉乡鎮镇團团會会聯联協协農农業业發发廳厅處处隊队園园醫医衛卫軍军財财稅税環环護护廣广電电視视體体' +
  '運运輸输條条後后動动這这們们個个為为與与關关類类別别級级層层備备註注說说題题問问獲获績绩達达滯滞數数額额' +
  '狀状態态東东專专幫帮應应勞劳險险營营種种養养樂乐陽阳雙双將将聞闻見见觀观紀纪構构網网絡络統统經经濟济產产' +
  '節节約约勢势場场廠厂擴扩匯汇彙汇齊齐參参訂订審审議议點点歲岁療疗藥药檢检測测廢废紅红綠绿藍蓝線线結结組组' +
  '織织續续維维權权證证驗验認认識识職职負负擔担華华韓韩劉刘陳陈張张趙赵楊杨黃黄吳吴鄭郑謝谢馮冯鄧邓蕭萧許许' +
  '葉叶蘇苏盧卢蔣蒋呂吕羅罗龍龙馬马孫孙錢钱鍾钟譚谭陸陆賈贾閻阎範范嚴严鄒邹顧顾韋韦' +
  '門门並并務务辦办屬属內内興兴舉举車车輛辆貸贷價价嚮向徑径戶户樓楼築筑開开閉闭啟启創创優优質质學学' +
  '師师書书幣币監监儀仪資资鐵铁橋桥館馆應应屆届執执禮礼藝艺術术雜杂衛卫紙纸處处莊庄廈厦區区鬥斗歷历' +
  '勵励幹干貫贯壓压夠够彎弯備备當当盡尽啟启糧粮飲饮徵征狀状態态極极輕轻鄰邻險险隨随陣阵陰阴頭头領领預预額额' +
  '導导層层縮缩總总綜综績绩續续繼继線线級级紅红約约純纯細细組组終终紹绍經经給给絕绝統统絲丝網网緊紧緒绪' +
  '議议計计訊讯記记設设許许訪访證证評评識识詢询試试該该詳详認认語语誤误調调談谈請请諮咨謀谋謹谨護护讓让' +
  '貧贫購购貿贸費费賽赛贊赞趕赶跡迹軟软輔辅較较載载農农進进遠远連连週周過过達达違违選选遺遗還还郵邮鄉乡' +
  '鋪铺錄录鍵键長长閃闪問问閱阅際际陸陆險险隻只雲云電电靜静韻韵頁页項项順顺須须預预領领頻频題题顏颜類类' +
  '顯显風风飛飞養养館馆駐驻驗验體体髮发鬆松魚鱼鳥鸟麥麦黨党齡龄牽牵' +
  '於于撥拨萬万億亿準准麗丽寶宝譽誉錦锦圖图補补貼贴樣样讀读災灾灣湾鹽盐獎奖壩坝濕湿燈灯衝冲競竞舊旧簡简' +
  '慮虑蘭兰豐丰寧宁爭争擁拥滿满塊块鋼钢鐘钟漁渔礦矿灘滩濱滨灑洒積积稱称準准據据' +
  '對对兒儿眾众邊边蓋盖轉转復复礎础難难圓圆強强減减崗岗側侧確确訓训義义裝装臨临臺台儲储從从傷伤腫肿決决' +
  '畝亩傳传庫库遷迁婦妇溝沟階阶兩两診诊緩缓軌轨軸轴噸吨墻墙畢毕暢畅篩筛鏡镜鶴鹤來来漢汉樹树機机銀银圍围' +
  '錯错慶庆樑梁斷断倉仓窩窝掃扫碼码晉晋昇升畫画腸肠針针嶺岭擋挡賃赁則则納纳壇坛籌筹墊垫癥症課课適适掛挂' +
  '變变暫暂話话國国悅悦檔档潤润棟栋歸归勝胜熱热雖虽壞坏寫写買买賣卖氣气親亲飯饭橫横聲声貨货響响練练習习' +
  '戰战漲涨駕驾攝摄滅灭';

const TO_SIMPLE = new Map<number, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) TO_SIMPLE.set(PAIRS.charCodeAt(i), PAIRS[i + 1]);

/** Whether each code point from U+3400 to U+9FFF has an entry: one typed-array read per character. */
const BASE = 0x3400;
const HAS = new Uint8Array(0xa000 - BASE);
for (const c of TO_SIMPLE.keys()) if (c >= BASE && c < 0xa000) HAS[c - BASE] = 1;

/** The text with the traditional characters of the table above simplified; the text itself when it has none. */
export function simplified(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < BASE || c >= 0xa000 || HAS[c - BASE] === 0) continue;
    let out = text.slice(0, i);
    for (let j = i; j < text.length; j++) out += TO_SIMPLE.get(text.charCodeAt(j)) ?? text[j];
    return out;
  }
  return text;
}
