import { createKuraApp } from '../lib/app.ts';

// `cdk synth` builds all three environments, so CI runs cdk-nag on each;
// `cdk deploy -c env=prd -c imageTag=<git sha> ...` builds the one being deployed.
const { app } = createKuraApp({ account: process.env.CDK_DEFAULT_ACCOUNT });
app.synth();
