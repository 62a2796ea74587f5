// The bench worker's workflows: the product's, and the skeleton they are measured against, in one bundle.
export * from '../../workflows';
export * from './skeleton.workflow';
