/** Request schemas of the job routes: the contract's (src/contract/jobs.ts). */
export { CreateJobBody, JobIdParams, JobListQuery } from '../../../../contract/index.js';
