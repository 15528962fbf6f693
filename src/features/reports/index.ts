/**
 * Reports for leaders: compliance with the Mutu Baku's standard times, open work, charts, the
 * XLSX export, the weekly digest and Telegram Mini App sign-in. Everything here is pure except
 * the Mongo read ports and the feature that keeps `report_facts` (reports-app.ts).
 */
export { computeCompliance } from './compliance-report.js';
export type {
  ComplianceReport,
  ComplianceInput,
  StepCompliance,
  GroupCompliance,
} from './compliance-report.js';
export type { ComplianceFigures } from './compliance-figures.js';
export type { ComplianceSource } from './compliance-source.js';
export { InstancesInMemory } from './compliance-source.js';
export { complianceJson } from './compliance-json.js';
export { complianceText, scopeLabel } from './compliance-text.js';
export { complianceXlsx } from './compliance-xlsx.js';
export { shareByStepChart, weeklyTrendChart, shareByStepOption, weeklyTrendOption } from './chart-options.js';
export { chartPng, renderChartSvg, type ChartImage } from './chart-render.js';
export { openWork, type OpenWork, type OpenWorkItem, type OpenInstance } from './open-work.js';
export { MongoOpenWorkSource } from './mongo-open-work-source.js';
export { MongoInstancesSource } from './mongo-instances-source.js';
export { MongoReportFacts } from './report-facts-store.js';
export { reconcileReportFacts, reportFactsListener } from './report-facts-sync.js';
export { parseReportPeriod, type ReportPeriod } from './report-period.js';
export { ReportInputError } from './report-errors.js';
export {
  scopeOfViewer,
  permittedScope,
  performerInScope,
  checkScope,
  type ReportScope,
} from './report-scope.js';
export { reportTexts, type ReportTexts } from './report-texts.js';
export { weeklyDigest, lastWeekPeriod } from './weekly-digest.js';
export { firstOfficeHourOfWeek, nextWeeklyDigest, type WeeklySlot } from './digest-schedule.js';
export {
  verifyInitData,
  initDataHash,
  type InitDataResult,
  type TelegramWebAppUser,
} from './telegram-init-data.js';
export { instanceFactsOf, attemptFactsOf } from './step-attempts.js';
export { reportsFeature, calendarForFlows, type Reports } from './reports-app.js';
