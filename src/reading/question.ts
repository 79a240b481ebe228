/** Whether a text asks something: then it is a question for the FAQ, never an answer. */

const QUESTION_ZH =
  /吗|嗎|麼$|么$|咩|點樣|点样|點解|点解|怎么|怎麼|怎样|怎樣|如何|为什么|為什麼|为啥|為啥|可唔可以|可不可以|能不能|能唔能|會唔會|会不会|會不會|係唔係|系唔系|是不是|是否|有冇|有没有|有沒有|邊個|边个|邊間|边间|哪|邊度|边度|幾時|几时|幾多|几多|多少|好唔好|得唔得|使唔使|要唔要|需唔需要|需不需要|抵唔抵|夠唔夠|够不够|夠不夠|什么|什麼|甚麼|乜嘢|咩嘢|點先|点先|未[?]?$|呢[?]?$/u;
const QUESTION_EN =
  /^(?:what|how|can|could|should|is|are|do|does|did|will|would|why|where|which|who|whats|what's|hows|how's|any|anyone|isn'?t|won'?t|shall)\b(?! about)|\b(?:how (?:do|can|much|many|long|to|does)|what (?:is|if|happens|does)|can i|can we|could i|should i|do i|do we|does it|is it|is there|are there|will it|which one|is this|enough)\b/u;

/** A text that asks something is never forced into an answer ("is 10GB enough?"). */
export function asksSomething(text: string): boolean {
  // "不怎么看视频" (hardly watch videos) holds 怎么 without asking anything.
  const plain = text.replace(/不怎么|不怎麼|唔點|冇幾多|没多少|沒多少/gu, " ");
  return QUESTION_ZH.test(plain) || QUESTION_EN.test(plain);
}
