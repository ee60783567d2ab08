/* Sizes of the generated data sets (no imports, so that the table can be printed without the app). */
export interface DataSetSize {
  provinces: number;
  unitsPerProvince: number;
  blocsPerProvince: number;
  /** Years with a finalized meeting; the last one is at the provincial stage (council pending). */
  firstYear: number;
  lastYear: number;
}

export const FULL: DataSetSize = {
  provinces: 34,
  unitsPerProvince: 97,
  blocsPerProvince: 12,
  firstYear: 2015,
  lastYear: 2024,
};
export const QUICK: DataSetSize = {
  provinces: 4,
  unitsPerProvince: 40,
  blocsPerProvince: 5,
  firstYear: 2022,
  lastYear: 2024,
};
