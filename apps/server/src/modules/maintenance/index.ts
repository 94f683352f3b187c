/** Scheduled housekeeping of platform tables. */
export { maintenanceJobs } from "./maintenance.jobs.js";
