export interface Config {
  /** Configuration of the System Product plugins. */
  systemProduct?: {
    /**
     * Largest request body the API accepts, in the notation of the `bytes`
     * package (for example `256kb`). Larger bodies are answered with 413.
     * @visibility backend
     */
    maxBodySize?: string;
  };
}
