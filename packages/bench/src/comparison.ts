/** One line of the benchmark: the plugin's figure against its baseline. */
export interface Comparison {
  name: string;
  unit: 'ms' | 'events/s';
  plugin: number;
  raw: number;
  /** plugin / raw */
  ratio: number;
  target: string;
  meetsTarget: boolean;
  samples: number;
}
