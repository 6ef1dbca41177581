// R1-style models think inside <think>…</think>. vLLM's deepseek_r1 parser moves that into
// `reasoning`; without the parser it stays in the content, and we split it out ourselves.

export interface SplitContent {
  reasoning: string | null;
  answer: string;
}

const THINK_BLOCK = /<think>([\s\S]*?)<\/think>/g;

export function splitThinking(content: string): SplitContent {
  const thoughts: string[] = [];
  let answer = content.replace(THINK_BLOCK, (_match, thought: string) => {
    thoughts.push(thought.trim());
    return '';
  });
  // R1's chat template opens <think> in the prompt, so the answer may hold only the closing tag.
  const closeIndex = answer.indexOf('</think>');
  if (closeIndex >= 0) {
    thoughts.push(answer.slice(0, closeIndex).trim());
    answer = answer.slice(closeIndex + '</think>'.length);
  }
  const reasoning = thoughts.filter((thought) => thought.length > 0).join('\n\n');
  return { reasoning: reasoning.length > 0 ? reasoning : null, answer: answer.trim() };
}
