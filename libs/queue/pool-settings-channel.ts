/** Redis pub/sub channel on which the API tells live workers that a pool's settings changed. */
export function poolSettingsChannel(queuePrefix: string): string {
  return `${queuePrefix}:pool-settings`;
}
