// The fixture's tokenizer: GPT-2 style byte-level BPE with no merges (one token per byte) plus the
// DeepSeek-R1 special tokens, and the DeepSeek-R1-Distill chat template, so node-llama-cpp treats
// the file like the real model (DeepSeekChatWrapper, `<think>` thought segments).

export const SPECIAL_TOKENS = {
  beginOfSentence: '<｜begin▁of▁sentence｜>',
  endOfSentence: '<｜end▁of▁sentence｜>',
  user: '<｜User｜>',
  assistant: '<｜Assistant｜>',
  thinkOpen: '<think>',
  thinkClose: '</think>',
  padding: '<｜pad▁of▁sentence｜>',
} as const;

const TOOL_TOKENS = [
  '<｜tool▁calls▁begin｜>',
  '<｜tool▁calls▁end｜>',
  '<｜tool▁call▁begin｜>',
  '<｜tool▁call▁end｜>',
  '<｜tool▁outputs▁begin｜>',
  '<｜tool▁outputs▁end｜>',
  '<｜tool▁output▁begin｜>',
  '<｜tool▁output▁end｜>',
  '<｜tool▁sep｜>',
];

/** llama.cpp token types. */
const TOKEN_TYPE = { normal: 1, control: 3, userDefined: 4 } as const;

/** GPT-2's reversible byte → printable character map, which llama.cpp's BPE vocab expects. */
function byteToUnicode(): string[] {
  const printable: number[] = [];
  for (let code = 0x21; code <= 0x7e; code++) printable.push(code);
  for (let code = 0xa1; code <= 0xac; code++) printable.push(code);
  for (let code = 0xae; code <= 0xff; code++) printable.push(code);
  const table: string[] = new Array(256);
  let shifted = 0;
  for (let byte = 0; byte < 256; byte++) {
    table[byte] = printable.includes(byte) ? String.fromCharCode(byte) : String.fromCharCode(256 + shifted++);
  }
  return table;
}

/**
 * Multi-byte tokens the tokenizer never produces (there are no merges) but the model may emit.
 * `:"` lets the next-token table tell a string that is an object's value (`"final_answer":"…`)
 * from one inside an array (`["…`), which a table keyed by one byte (`"`) could not.
 */
export const VALUE_QUOTE = ':"';
const EXTRA_TOKENS = [VALUE_QUOTE];

export interface FixtureVocab {
  tokens: string[];
  tokenTypes: number[];
  /** id of each special token by its key in SPECIAL_TOKENS */
  special: Record<keyof typeof SPECIAL_TOKENS, number>;
  /** id of the `:"` token */
  valueQuote: number;
}

export function buildVocab(): FixtureVocab {
  const tokens = byteToUnicode();
  const tokenTypes: number[] = tokens.map(() => TOKEN_TYPE.normal);
  const special = {} as Record<keyof typeof SPECIAL_TOKENS, number>;
  for (const [key, text] of Object.entries(SPECIAL_TOKENS) as [keyof typeof SPECIAL_TOKENS, string][]) {
    special[key] = tokens.length;
    tokens.push(text);
    // The real model marks <think> tags as added (user-defined) tokens, the rest as control.
    tokenTypes.push(key === 'thinkOpen' || key === 'thinkClose' ? TOKEN_TYPE.userDefined : TOKEN_TYPE.control);
  }
  for (const text of TOOL_TOKENS) {
    tokens.push(text);
    tokenTypes.push(TOKEN_TYPE.control);
  }
  const valueQuote = tokens.length;
  // Both bytes are printable, so GPT-2's byte-to-unicode map leaves the text as it is.
  for (const text of EXTRA_TOKENS) {
    tokens.push(text);
    tokenTypes.push(TOKEN_TYPE.normal);
  }
  return { tokens, tokenTypes, special, valueQuote };
}

/** Token id of a single ASCII character (ids 0-255 are the bytes themselves). */
export const byteToken = (character: string): number => character.charCodeAt(0);

/** The DeepSeek-R1-Distill-Qwen chat template (tool-call branches included, as in the real file). */
export const DEEPSEEK_R1_CHAT_TEMPLATE =
  '{% if not add_generation_prompt is defined %}{% set add_generation_prompt = false %}{% endif %}' +
  "{% set ns = namespace(is_first=false, is_tool=false, is_output_first=true, system_prompt='') %}" +
  "{%- for message in messages %}{%- if message['role'] == 'system' %}{% set ns.system_prompt = message['content'] %}{%- endif %}{%- endfor %}" +
  '{{bos_token}}{{ns.system_prompt}}' +
  '{%- for message in messages %}' +
  "{%- if message['role'] == 'user' %}{%- set ns.is_tool = false -%}{{'<｜User｜>' + message['content']}}{%- endif %}" +
  "{%- if message['role'] == 'assistant' and message['content'] is none %}{%- set ns.is_tool = false -%}" +
  "{%- for tool in message['tool_calls']%}" +
  "{%- if not ns.is_first %}{{'<｜Assistant｜><｜tool▁calls▁begin｜><｜tool▁call▁begin｜>' + tool['type'] + '<｜tool▁sep｜>' + tool['function']['name'] + '\\n' + '```json' + '\\n' + tool['function']['arguments'] + '\\n' + '```' + '<｜tool▁call▁end｜>'}}{%- set ns.is_first = true -%}" +
  "{%- else %}{{'\\n' + '<｜tool▁call▁begin｜>' + tool['type'] + '<｜tool▁sep｜>' + tool['function']['name'] + '\\n' + '```json' + '\\n' + tool['function']['arguments'] + '\\n' + '```' + '<｜tool▁call▁end｜>'}}{{'<｜tool▁calls▁end｜><｜end▁of▁sentence｜>'}}{%- endif %}" +
  '{%- endfor %}{%- endif %}' +
  "{%- if message['role'] == 'assistant' and message['content'] is not none %}" +
  "{%- if ns.is_tool %}{{'<｜tool▁outputs▁end｜>' + message['content'] + '<｜end▁of▁sentence｜>'}}{%- set ns.is_tool = false -%}" +
  "{%- else %}{% set content = message['content'] %}{% if '</think>' in content %}{% set content = content.split('</think>')[-1] %}{% endif %}" +
  "{{'<｜Assistant｜>' + content + '<｜end▁of▁sentence｜>'}}{%- endif %}{%- endif %}" +
  "{%- if message['role'] == 'tool' %}{%- set ns.is_tool = true -%}" +
  "{%- if ns.is_output_first %}{{'<｜tool▁outputs▁begin｜><｜tool▁output▁begin｜>' + message['content'] + '<｜tool▁output▁end｜>'}}{%- set ns.is_output_first = false %}" +
  "{%- else %}{{'\\n<｜tool▁output▁begin｜>' + message['content'] + '<｜tool▁output▁end｜>'}}{%- endif %}{%- endif %}" +
  '{%- endfor -%}' +
  "{% if ns.is_tool %}{{'<｜tool▁outputs▁end｜>'}}{% endif %}" +
  "{% if add_generation_prompt and not ns.is_tool %}{{'<｜Assistant｜>'}}{% endif %}";
