// A task as read from a progress table: what `parse/` produces and every later layer consumes.

/** Something the parser (or another stage) had to guess or could not read; shown to the user. */
export interface Warning {
  /** Stable machine code, e.g. `filled_from_above`, `unit_in_leaders_column`. */
  code: string;
  /** One readable sentence (Chinese or English) saying what was done and why. */
  message: string;
  /** The task field the warning is about, when there is one (lets the UI highlight the cell). */
  field?: TaskField;
}

export type TaskField =
  'seq' | 'theme' | 'category' | 'target' | 'leaders' | 'units' | 'progress' | 'co_units' | 'deadline' | 'notes';

/** One numbered key task (重点工作任务) with its progress text for one period. */
export interface Task {
  seq: number;
  /** First level of 重点工作任务, e.g. `主要经济指标`. */
  theme: string | null;
  /** Second level of 重点工作任务, often absent. */
  category: string | null;
  /** 具体目标任务. */
  target: string;
  /** 牵头区领导: people. */
  leaders: string[];
  /** 牵头单位: organisations. */
  units: string[];
  /** 进展情况 for the period; empty string when the cell is empty. */
  progress: string;
  /** 配合单位/协办单位, only when the table has such a column. */
  co_units?: string[];
  /** 完成时限/时间节点, only when the table has such a column. */
  deadline?: string | null;
  /** 备注, only when the table has such a column. */
  notes?: string | null;
  /**
   * The report kept apart when the table splits it over several columns (actual figure, completion
   * rate, schedule flag, remarks); `progress` is these texts joined. Absent for a single column. A
   * heading giving the office's verdict on its items (`三、进度滞后项目`) adds a last `flag` part of its
   * own, under the heading, that is not in `progress`.
   */
  progress_parts?: ProgressPart[];
}

/** What one progress-like column holds; the assessor reads each by its role. */
export type ProgressPartRole = 'actual' | 'rate' | 'flag' | 'remarks' | 'progress';

/** One progress-like cell of a task, with the header it stood under. */
export interface ProgressPart {
  role: ProgressPartRole;
  header: string;
  text: string;
}

/** A task as the parser returns it: the task plus what had to be guessed for it. */
export interface ParsedTask extends Task {
  warnings: Warning[];
}

/**
 * What the parser took a column of the source table for (its header's words and its cells):
 * `task` is the first heading level (theme), `category` the second; `actual`, `rate`, `flag` and
 * `remarks` are parts of a split report; `plan` and `other` are read into no field.
 */
export type SourceColumnRole =
  | 'seq'
  | 'task'
  | 'category'
  | 'target'
  | 'leaders'
  | 'units'
  | 'co_units'
  | 'progress'
  | 'actual'
  | 'rate'
  | 'flag'
  | 'remarks'
  | 'plan'
  | 'deadline'
  | 'notes'
  | 'other';

/** One column of the source table as read: the header printed over it and the role it was given. */
export interface SourceColumn {
  header: string;
  role: SourceColumnRole;
}

/** Everything a parse of one table yields. */
export interface ParsedTable {
  /** Source format that was recognised by content. */
  format: 'text' | 'html' | 'xlsx' | 'xls' | 'xml' | 'docx' | 'doc';
  /** The title row, e.g. `2023年钱塘区政府工作报告重点工作任务四季度进展情况表`, if any. */
  title: string | null;
  /** Reporting period found in the title (`2023Q4`, `2024-03`, `2023`), or null. */
  period: string | null;
  /** Which optional columns the table has, so writers can reproduce the layout. */
  columns: TaskField[];
  tasks: ParsedTask[];
  /** Table-level warnings (not about one task). */
  warnings: Warning[];
  /** The source table's columns in order with the roles they were read as (lets a person correct them). */
  sourceColumns?: SourceColumn[];
  /** Of a workbook with several worksheets: the one read, and every one holding tasks (to choose another). */
  sheet?: string;
  sheets?: Array<{ name: string; tasks: number }>;
}
