import { SQSClient } from '@aws-sdk/client-sqs';
import { startFauxqs } from 'fauxqs';
import { createSqsTransport } from './sqs-transport.js';
import { contractMaxReceiveCount, describeTransportContract } from './transport.contract.js';

/** The AWS adapter against fauxqs's SQS, started in this process on a free port (tests only: it binds 0.0.0.0). */
describeTransportContract('SQS on fauxqs', async () => {
  const server = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false });
  const dlq = server.createQueue('kura-events-dlq');
  const queue = server.createQueue('kura-events', {
    attributes: {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.queueArn, maxReceiveCount: contractMaxReceiveCount }),
    },
  });
  const client = new SQSClient({
    region: 'ap-northeast-1',
    endpoint: `http://127.0.0.1:${server.port}`,
    credentials: { accessKeyId: 'kura-test', secretAccessKey: 'kura-test-secret' },
  });
  return {
    transport: createSqsTransport({ client, queueUrl: queue.queueUrl, deadLetterQueueUrl: dlq.queueUrl }),
    close: async () => {
      client.destroy();
      await server.stop();
    },
  };
});
